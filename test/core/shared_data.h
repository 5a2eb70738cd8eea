/*
 * shared_data.h — the one way the core tests find the shared data (real
 * records and reference values kept outside the repository): the directory
 * $MSC_SHARED_DATA when set, else ../shared/data relative to the checkout
 * (the tests run from the repository root).
 *
 * A missing file is a failed check, so a run without the data cannot pass
 * by checking less.  MSC_SKIP_SHARED_DATA=1 turns that into a skip, which
 * prints one line "SKIPPED: <what> ..." naming what was not checked.
 */
#ifndef SHARED_DATA_H
#define SHARED_DATA_H

#include "unit.h"

#include <stdlib.h>

/* The shared data directory ($MSC_SHARED_DATA or ../shared/data). */
static const char *
shared_data_dir(void)
{
	const char *env = getenv("MSC_SHARED_DATA");

	return env && env[0] ? env : "../shared/data";
}

/* Was the skip asked for explicitly? */
static int
shared_data_skip_ok(void)
{
	const char *s = getenv("MSC_SKIP_SHARED_DATA");

	return s && strcmp(s, "1") == 0;
}

/*
 * Open relpath (e.g. "metafor/wilson_refs.csv") of the shared data for
 * what (the check that needs it); its path is left in path.  Without the
 * file: NULL, after recording a failure, or with MSC_SKIP_SHARED_DATA=1
 * after printing the SKIPPED line.
 */
static FILE *
shared_data_open(const char *what, const char *relpath, char *path, size_t pathlen)
{
	FILE	   *f;

	snprintf(path, pathlen, "%s/%s", shared_data_dir(), relpath);
	if ((f = fopen(path, "r")) != NULL)
		return f;
	if (shared_data_skip_ok())
		printf("SKIPPED: %s: %s not found (MSC_SKIP_SHARED_DATA=1)\n", what, path);
	else
		CHECK(0, "%s: %s not found: set MSC_SHARED_DATA to the shared data directory "
			  "(default ../shared/data from the repository root), or MSC_SKIP_SHARED_DATA=1 "
			  "to skip this check", what, path);
	return NULL;
}

#endif

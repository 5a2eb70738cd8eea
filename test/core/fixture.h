/*
 * fixture.h — reading the CSV fixtures under test/fixtures (written by the
 * R scripts under test/r): comma-separated, a header line, no quoting,
 * "NA" for missing; fields may be wrapped in double quotes (R's
 * write.csv), which are removed.  Tests run from the repository root.
 */
#ifndef FIXTURE_H
#define FIXTURE_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FIXTURE_MAX_FIELDS 32

typedef struct fixture_row
{
	int			nfields;
	char		buf[2048];
	char	   *field[FIXTURE_MAX_FIELDS];
} fixture_row;

static FILE *
fixture_open(const char *path, fixture_row *header)
{
	FILE	   *f = fopen(path, "r");

	if (f == NULL)
	{
		fprintf(stderr, "cannot open fixture %s (run the tests from the repository root)\n", path);
		exit(2);
	}
	(void) header;
	return f;
}

/* Read the next line into row; false at end of file. */
static int
fixture_next(FILE *f, fixture_row *row)
{
	char	   *p;

	if (!fgets(row->buf, sizeof(row->buf), f))
		return 0;
	row->buf[strcspn(row->buf, "\r\n")] = '\0';
	row->nfields = 0;
	p = row->buf;
	while (row->nfields < FIXTURE_MAX_FIELDS)
	{
		row->field[row->nfields++] = p;
		p = strchr(p, ',');
		if (p != NULL)
			*p++ = '\0';
		{
			char	   *f = row->field[row->nfields - 1];
			size_t		fl = strlen(f);

			if (fl >= 2 && f[0] == '"' && f[fl - 1] == '"')
			{
				f[fl - 1] = '\0';
				row->field[row->nfields - 1] = f + 1;
			}
		}
		if (p == NULL)
			break;
	}
	return 1;
}

/* Column index of name in a header row, or exit. */
static int
fixture_col(const fixture_row *header, const char *name)
{
	for (int i = 0; i < header->nfields; i++)
		if (strcmp(header->field[i], name) == 0)
			return i;
	fprintf(stderr, "fixture has no column %s\n", name);
	exit(2);
}

/* A numeric field: NA -> NaN, Inf/-Inf as such. */
static double
fixture_num(const fixture_row *row, int col)
{
	const char *s = row->field[col];

	if (strcmp(s, "NA") == 0)
		return NAN;
	if (strcmp(s, "Inf") == 0)
		return INFINITY;
	if (strcmp(s, "-Inf") == 0)
		return -INFINITY;
	return strtod(s, NULL);
}

/*
 * Do we match the reference within rel relative error?  Where the
 * reference is exactly zero, within abs_zero absolute instead: a relative
 * error to zero means nothing.  Only there, so a tiny non-zero reference
 * (a p-value of 1e-30) is compared as closely as a large one.  NaN matches
 * NaN, infinities match the same infinity.
 */
static int
close_to(double got, double want, double rel, double abs_zero)
{
	if (isnan(want))
		return isnan(got);
	if (isinf(want))
		return got == want;
	if (want == 0)
		return fabs(got) <= abs_zero;
	return fabs(got - want) <= rel * fmax(fabs(got), fabs(want));
}

#endif

/*
 * fixture_named.h — fields of a fixture row by column name, and the
 * comparison with metafor's value used by the single-arm tests: 1e-9
 * relative, 1e-12 absolute where metafor's value is zero.  hdr is the
 * header row of the fixture being read.
 */
#ifndef FIXTURE_NAMED_H
#define FIXTURE_NAMED_H

#include "unit.h"
#include "fixture.h"

#define REL 1e-9
#define ABS 1e-12

static fixture_row hdr;

static double
num(const fixture_row *r, const char *name)
{
	return fixture_num(r, fixture_col(&hdr, name));
}

static const char *
str(const fixture_row *r, const char *name)
{
	return r->field[fixture_col(&hdr, name)];
}

static void
compare(const char *what, const char *field, double got, double want)
{
	CHECK(close_to(got, want, REL, ABS), "%s %s: %.17g, metafor %.17g", what, field, got, want);
}

#endif

/*
 * fuzz_pain_score — pain_score_parse, pain_score_make, pain_score_rescale,
 * the type modifier (pain_score_typmod_parse, pain_score_check_typmod) and
 * pain_instrument_lookup.
 *
 * Invariants:
 *  - parse rejects with SYNTAX (22P02) or RANGE (22003) only; make and
 *    rescale with PARAM (22023) or RANGE; the typmod with PARAM;
 *  - an accepted score is valid, its canonical text parses back to the
 *    same 64-bit value and formats to the same text (stable canonical
 *    form), its severity is within [0, 100], it fits a column of its own
 *    instrument and no other;
 *  - rescaling to its own instrument is the identity; nrs <-> vas, when it
 *    succeeds, goes back to the same value;
 *  - make(instrument, number) agrees with parse("instrument:number");
 *  - an instrument found by lookup is found again by its canonical name
 *    and by each of its aliases.
 */
#include "fuzz_common.h"
#include "pain_score.h"

#include <math.h>

static pain_score_t
must_reparse(pain_score_t s, const char *what)
{
	char		text[PAIN_SCORE_TEXT_MAX];
	char		again[PAIN_SCORE_TEXT_MAX];
	size_t		n = pain_score_format(s, text, sizeof(text));
	pain_score_t back = 0;
	msc_error	err;
	char	   *c;

	FUZZ_ASSERT(n > 0 && n < sizeof(text), "%s: a valid score does not format", what);
	c = fuzz_copy((const uint8_t *) text, n);
	FUZZ_ASSERT(pain_score_parse(c, n, &back, &err), "%s: \"%s\" does not parse back: %s", what, text, err.message);
	free(c);
	FUZZ_ASSERT(back == s, "%s: \"%s\" parses back to another value", what, text);
	FUZZ_ASSERT(pain_score_format(back, again, sizeof(again)) == n && strcmp(text, again) == 0,
				"%s: canonical text \"%s\" is not stable (\"%s\")", what, text, again);
	return back;
}

static void
check_score(pain_score_t s, const char *what)
{
	const pain_instrument *in = pain_instrument_by_code(pain_score_code(s));
	msc_error	err;
	pain_score_t r;
	double		sev;

	FUZZ_ASSERT(pain_score_valid(s) && in != NULL, "%s: accepted an invalid score", what);
	must_reparse(s, what);
	sev = pain_score_severity(s);
	FUZZ_ASSERT(isfinite(sev) && sev >= 0 && sev <= 100, "%s: severity %g", what, sev);
	FUZZ_ASSERT(pain_score_check_typmod(s, in->code, &err), "%s: does not fit its own column", what);
	FUZZ_ASSERT(pain_score_check_typmod(s, -1, &err), "%s: does not fit an unconstrained column", what);
	{
		int			other = in->code % (PAIN_INSTRUMENT_COUNT - 1) + 1;

		FUZZ_ASSERT(!pain_score_check_typmod(s, other, &err), "%s: fits a column of another instrument", what);
		fuzz_check_error(&err, FUZZ_PARAM, NULL, "check_typmod");
	}
	FUZZ_ASSERT(pain_score_rescale(s, in->name, strlen(in->name), &r, &err) && r == s,
				"%s: rescaling to its own instrument changes it", what);
	if (in->code == PAIN_NRS || in->code == PAIN_VAS)
	{
		const char *to = in->code == PAIN_NRS ? "vas" : "nrs";
		const char *from = in->name;

		if (pain_score_rescale(s, to, strlen(to), &r, &err))
		{
			pain_score_t back;

			FUZZ_ASSERT(pain_score_valid(r), "%s: rescaled to an invalid score", what);
			must_reparse(r, what);
			FUZZ_ASSERT(pain_score_rescale(r, from, strlen(from), &back, &err) && back == s,
						"%s: rescaling there and back changes the value", what);
		}
		else
			fuzz_check_error(&err, FUZZ_RANGE, NULL, "rescale");
	}
	else if (pain_score_rescale(s, "nrs", 3, &r, &err))
		FUZZ_ASSERT(false, "%s: rescaled %s to nrs", what, in->name);
	else
		fuzz_check_error(&err, FUZZ_PARAM, NULL, "rescale");
}

static void
check_lookup(const char *name, size_t len)
{
	const pain_instrument *in = pain_instrument_lookup(name, len);

	if (in == NULL)
		return;
	FUZZ_ASSERT(pain_instrument_by_code(in->code) == in, "lookup returned a stray entry");
	FUZZ_ASSERT(pain_instrument_lookup(in->name, strlen(in->name)) == in, "%s: its name is not found", in->name);
	for (const char *const *a = in->aliases; a && *a; a++)
		FUZZ_ASSERT(pain_instrument_lookup(*a, strlen(*a)) == in, "%s: alias \"%s\" not found", in->name, *a);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	msc_error	err;
	pain_score_t s = 0;
	char	   *c = fuzz_copy(data, size);
	const uint8_t *colon = memchr(data, ':', size);

	/* the text input */
	if (pain_score_parse(c, size, &s, &err))
		check_score(s, "parse");
	else
		fuzz_check_error(&err, FUZZ_SYNTAX | FUZZ_RANGE, NULL, "parse");
	free(c);

	/* instrument look-up on the whole input and on the part before a colon */
	c = fuzz_copy(data, size);
	check_lookup(c, size);
	free(c);

	/* pain_score(instrument, number) on "instrument:number" */
	if (colon != NULL)
	{
		size_t		il = (size_t) (colon - data);
		size_t		nl = size - il - 1;
		char	   *ins = fuzz_copy(data, il);
		char	   *num = fuzz_copy(colon + 1, nl);
		pain_score_t m = 0;

		check_lookup(ins, il);
		if (pain_score_make(ins, il, num, nl, &m, &err))
		{
			check_score(m, "make");
			/* the same value as text: parse agrees when the number is plain */
			c = fuzz_copy(data, size);
			if (pain_score_parse(c, size, &s, &err))
				FUZZ_ASSERT(s == m, "make and parse disagree on the same text");
			free(c);
		}
		else
			fuzz_check_error(&err, FUZZ_PARAM | FUZZ_RANGE, NULL, "make");
		free(ins);
		free(num);
	}

	/* the type modifier: comma-separated items, as the typmod input gives them */
	if (size <= 4096)
	{
		char	   *buf = fuzz_cstring(data, size);
		const char *items[8];
		int			n = 0;
		int32_t		typmod = -1;
		char	   *p = buf;

		items[n++] = p;
		while ((p = strchr(p, ',')) != NULL && n < 8)
		{
			*p++ = '\0';
			items[n++] = p;
		}
		if (pain_score_typmod_parse(items, n, &typmod, &err))
		{
			FUZZ_ASSERT(n == 1 && pain_instrument_by_code(typmod) != NULL, "typmod %d from %d items", typmod, n);
			FUZZ_ASSERT(pain_instrument_lookup(items[0], strlen(items[0]))->code == typmod, "typmod disagrees with lookup");
			if (pain_score_parse(buf, strlen(buf), &s, &err))
				(void) pain_score_check_typmod(s, typmod, &err);
		}
		else
			fuzz_check_error(&err, FUZZ_PARAM, NULL, "typmod");
		free(buf);
	}
	return 0;
}

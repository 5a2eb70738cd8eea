/*
 * fuzz_cell_dose — msc_cell_dose_parse and msc_cell_dose_from_decimal.
 *
 * Invariants:
 *  - parse rejects with SYNTAX (22P02) or RANGE (22003); from_decimal
 *    with PARAM (22023) or RANGE;
 *  - an accepted dose passes msc_cell_dose_check (canonical mantissa, zero
 *    padding, known flags, in range);
 *  - its canonical text parses back to the same 16 bytes and formats to
 *    the same text; its number text read by from_decimal (with the same
 *    per-kg flag) gives the same bytes;
 *  - it compares equal to itself; an absolute dose sorts before a per-kg
 *    one.
 */
#include "cell_dose.h"
#include "fuzz_common.h"

static void
check_dose(const msc_cell_dose *d, const char *what)
{
	msc_error	err;
	char		text[MSC_CELL_DOSE_TEXT_MAX];
	char		again[MSC_CELL_DOSE_TEXT_MAX];
	char		num[MSC_CELL_DOSE_TEXT_MAX];
	msc_cell_dose back;
	size_t		n;
	char	   *c;

	FUZZ_ASSERT(msc_cell_dose_check(d, &err), "%s: accepted a value that fails the check: %s", what, err.message);
	n = msc_cell_dose_format(d, text, sizeof(text));
	FUZZ_ASSERT(n > 0 && n < sizeof(text) && strlen(text) == n, "%s: bad format length %zu", what, n);
	memset(&back, 0xA5, sizeof(back));
	c = fuzz_copy((const uint8_t *) text, n);
	FUZZ_ASSERT(msc_cell_dose_parse(c, n, &back, &err), "%s: \"%s\" does not parse back: %s", what, text, err.message);
	free(c);
	FUZZ_ASSERT(memcmp(&back, d, sizeof(back)) == 0, "%s: \"%s\" parses back to other bytes", what, text);
	FUZZ_ASSERT(msc_cell_dose_format(&back, again, sizeof(again)) == n && strcmp(text, again) == 0,
				"%s: canonical text \"%s\" is not stable (\"%s\")", what, text, again);
	FUZZ_ASSERT(msc_cell_dose_cmp(d, &back) == 0, "%s: not equal to itself", what);

	n = msc_cell_dose_number_text(d, num, sizeof(num));
	FUZZ_ASSERT(n > 0 && n < sizeof(num), "%s: bad number text length", what);
	memset(&back, 0x5A, sizeof(back));
	c = fuzz_copy((const uint8_t *) num, n);
	FUZZ_ASSERT(msc_cell_dose_from_decimal(c, n, msc_cell_dose_is_per_kg(d), &back, &err),
				"%s: number text \"%s\" is refused: %s", what, num, err.message);
	free(c);
	FUZZ_ASSERT(memcmp(&back, d, sizeof(back)) == 0, "%s: number text \"%s\" gives other bytes", what, num);

	{
		msc_cell_dose one_abs = {1, 0, 0, {0}};
		msc_cell_dose one_kg = {1, 0, MSC_CELL_DOSE_PER_KG, {0}};

		if (msc_cell_dose_is_per_kg(d))
			FUZZ_ASSERT(msc_cell_dose_cmp(&one_abs, d) < 0 && msc_cell_dose_cmp(d, &one_abs) > 0,
						"%s: per-kg dose does not sort after absolute ones", what);
		else
			FUZZ_ASSERT(msc_cell_dose_cmp(d, &one_kg) < 0 && msc_cell_dose_cmp(&one_abs, d) <= 0,
						"%s: absolute dose sorts wrongly", what);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	msc_error	err;
	msc_cell_dose d;
	char	   *c = fuzz_copy(data, size);

	memset(&d, 0xEE, sizeof(d));
	if (msc_cell_dose_parse(c, size, &d, &err))
		check_dose(&d, "parse");
	else
		fuzz_check_error(&err, FUZZ_SYNTAX | FUZZ_RANGE, "", "parse");

	for (int per_kg = 0; per_kg <= 1; per_kg++)
	{
		memset(&d, 0xEE, sizeof(d));
		if (msc_cell_dose_from_decimal(c, size, per_kg, &d, &err))
		{
			FUZZ_ASSERT(msc_cell_dose_is_per_kg(&d) == (per_kg == 1), "from_decimal: lost the per-kg flag");
			check_dose(&d, "from_decimal");
		}
		else
			fuzz_check_error(&err, FUZZ_PARAM | FUZZ_RANGE, NULL, "from_decimal");
	}
	free(c);
	return 0;
}

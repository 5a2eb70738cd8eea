/*
 * fuzz_classify — the free-text classifiers msc_classify_sources, _routes,
 * _donor, _manipulation, _dose, _each_dose and _doses (cell_doses_in),
 * with and without a trace observer.
 *
 * Invariants:
 *  - sources and routes are valid, distinct codes, at most one of each;
 *    donor and manipulation are NONE or one of their two values, with a
 *    label exactly when not NONE; a dose passes msc_cell_dose_check and
 *    its canonical text parses back to the same bytes;
 *  - every traced mention is a byte range [start, end) inside the text,
 *    of a known kind and a valid value;
 *  - the answer is what the trace shows: the sources (routes) returned
 *    are exactly the distinct sources (routes) mentioned; a donor or
 *    manipulation is returned only when every mention states it, NONE
 *    when there is none or both are stated; a dose exactly when a dose
 *    is mentioned;
 *  - every dose: each is valid and parses back; there are as many as
 *    traced mentions; the first is msc_classify_dose's; msc_classify_doses
 *    gives the distinct ones in order of first mention (or -1 when they do
 *    not fit);
 *  - observing does not change the answer (same result without a trace).
 */
#include "cell_dose.h"
#include "classify.h"
#include "fuzz_common.h"

typedef struct seen
{
	size_t		len;
	unsigned	sources;		/* bit per code */
	unsigned	routes;
	unsigned	donor;			/* bit per value */
	unsigned	manip;
	int			doses;
} seen;

static void
mention(void *arg, msc_evidence_kind kind, int value, size_t start, size_t end)
{
	seen	   *s = arg;

	FUZZ_ASSERT(start < end && end <= s->len, "mention at [%zu, %zu) of a %zu-byte text", start, end, s->len);
	switch (kind)
	{
		case MSC_EV_SOURCE:
			FUZZ_ASSERT(msc_source_valid(value), "source mention %d", value);
			s->sources |= 1u << value;
			break;
		case MSC_EV_ROUTE:
			FUZZ_ASSERT(msc_route_valid(value), "route mention %d", value);
			s->routes |= 1u << value;
			break;
		case MSC_EV_DONOR:
			FUZZ_ASSERT(value == MSC_DONOR_AUTOLOGOUS || value == MSC_DONOR_ALLOGENEIC, "donor mention %d", value);
			s->donor |= 1u << value;
			break;
		case MSC_EV_MANIPULATION:
			FUZZ_ASSERT(value == MSC_MANIP_CULTURE_EXPANDED || value == MSC_MANIP_MINIMALLY_MANIPULATED,
						"manipulation mention %d", value);
			s->manip |= 1u << value;
			break;
		case MSC_EV_DOSE:
			FUZZ_ASSERT(value == 1, "dose mention %d", value);
			s->doses++;
			break;
		default:
			FUZZ_ASSERT(false, "mention of unknown kind %d", (int) kind);
	}
}

static unsigned
distinct_codes(const uint8_t *codes, int n, int count, bool (*valid) (int), const char *what)
{
	unsigned	bits = 0;

	FUZZ_ASSERT(n >= 0 && n < count, "%s: %d codes", what, n);
	for (int i = 0; i < n; i++)
	{
		FUZZ_ASSERT(valid(codes[i]), "%s: invalid code %d", what, codes[i]);
		FUZZ_ASSERT(!(bits & (1u << codes[i])), "%s: code %d twice", what, codes[i]);
		bits |= 1u << codes[i];
	}
	return bits;
}

/* Every dose found, in order (the first MAX_DOSES kept). */
#define MAX_DOSES 64
typedef struct all_doses
{
	msc_cell_dose v[MAX_DOSES];
	size_t		n;
} all_doses;

static void
keep_dose(void *arg, const msc_cell_dose *d)
{
	all_doses  *a = arg;
	msc_error	err;
	char		text[MSC_CELL_DOSE_TEXT_MAX];
	msc_cell_dose back;
	size_t		n;
	char	   *t;

	FUZZ_ASSERT(msc_cell_dose_check(d, &err), "a dose fails the check: %s", err.message);
	n = msc_cell_dose_format(d, text, sizeof(text));
	t = fuzz_copy((const uint8_t *) text, n);
	FUZZ_ASSERT(msc_cell_dose_parse(t, n, &back, &err) && memcmp(d, &back, sizeof(back)) == 0,
				"dose \"%s\" does not parse back", text);
	free(t);
	if (a->n < MAX_DOSES)
		a->v[a->n] = *d;
	a->n++;
}

/* Check msc_classify_each_dose and msc_classify_doses against each other. */
static void
check_every_dose(const char *c, size_t size, bool has_dose, const msc_cell_dose *first)
{
	static all_doses all;
	seen		s2;
	msc_classify_trace trace = {mention, &s2};
	msc_cell_dose distinct[8];
	int			k,
				want = 0;
	size_t		n;

	memset(&s2, 0, sizeof(s2));
	s2.len = size;
	all.n = 0;
	n = msc_classify_each_dose(c, size, keep_dose, &all, &trace);
	FUZZ_ASSERT(n == all.n && (size_t) s2.doses == n, "%zu doses, %zu calls, %d mentions", n, all.n, s2.doses);
	FUZZ_ASSERT((n > 0) == has_dose, "%zu doses but msc_classify_dose says %d", n, has_dose);
	if (n > 0)
		FUZZ_ASSERT(memcmp(&all.v[0], first, sizeof(*first)) == 0, "the first dose differs");
	FUZZ_ASSERT(msc_classify_each_dose(c, size, keep_dose, &all, NULL) == n, "each dose differs untraced");
	k = msc_classify_doses(c, size, distinct, 8, NULL);
	if (n > MAX_DOSES)
		return;
	/* the distinct values, in order of first mention */
	for (size_t i = 0; i < n; i++)
	{
		bool		again = false;

		for (size_t j = 0; j < i && !again; j++)
			again = memcmp(&all.v[i], &all.v[j], sizeof(all.v[i])) == 0;
		if (again)
			continue;
		if (want < 8)
			FUZZ_ASSERT(k == -1 || memcmp(&distinct[want], &all.v[i], sizeof(all.v[i])) == 0,
						"distinct dose %d differs", want);
		want++;
	}
	FUZZ_ASSERT(want > 8 ? k == -1 : k == want, "%d distinct doses, msc_classify_doses says %d", want, k);
}

/* The answer given when one of two values is stated. */
static void
check_either(int got, unsigned mentioned, int a, int b, const char *(*label) (int), const char *what)
{
	FUZZ_ASSERT(got == 0 || got == a || got == b, "%s: value %d", what, got);
	FUZZ_ASSERT((label(got) != NULL) == (got != 0), "%s: label of %d", what, got);
	if (got != 0)
		FUZZ_ASSERT(mentioned == (1u << got), "%s: returns %d but the mentions are 0x%x", what, got, mentioned);
	else
		FUZZ_ASSERT(mentioned == 0 || mentioned == ((1u << a) | (1u << b)),
					"%s: returns none but the mentions are 0x%x", what, mentioned);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *c = fuzz_copy(data, size);
	seen		s;
	msc_classify_trace trace = {mention, &s};
	uint8_t		src[MSC_SOURCE_COUNT],
				src2[MSC_SOURCE_COUNT];
	uint8_t		rt[MSC_ROUTE_COUNT],
				rt2[MSC_ROUTE_COUNT];
	int			ns,
				nr,
				donor,
				manip;
	bool		has_dose;
	msc_cell_dose dose,
				dose2;
	msc_error	err;

	memset(&s, 0, sizeof(s));
	s.len = size;
	ns = msc_classify_sources(c, size, src, &trace);
	nr = msc_classify_routes(c, size, rt, &trace);
	donor = msc_classify_donor(c, size, &trace);
	manip = msc_classify_manipulation(c, size, &trace);
	memset(&dose, 0, sizeof(dose));
	has_dose = msc_classify_dose(c, size, &dose, &trace);

	FUZZ_ASSERT(distinct_codes(src, ns, MSC_SOURCE_COUNT, msc_source_valid, "sources") == s.sources,
				"sources returned differ from those mentioned (0x%x)", s.sources);
	FUZZ_ASSERT(distinct_codes(rt, nr, MSC_ROUTE_COUNT, msc_route_valid, "routes") == s.routes,
				"routes returned differ from those mentioned (0x%x)", s.routes);
	check_either(donor, s.donor, MSC_DONOR_AUTOLOGOUS, MSC_DONOR_ALLOGENEIC, msc_donor_label, "donor");
	check_either(manip, s.manip, MSC_MANIP_CULTURE_EXPANDED, MSC_MANIP_MINIMALLY_MANIPULATED,
				 msc_manipulation_label, "manipulation");
	FUZZ_ASSERT(has_dose == (s.doses > 0), "dose %d but %d dose mentions", has_dose, s.doses);
	if (has_dose)
	{
		char		text[MSC_CELL_DOSE_TEXT_MAX];
		size_t		n;
		char	   *t;

		FUZZ_ASSERT(msc_cell_dose_check(&dose, &err), "dose fails the check: %s", err.message);
		n = msc_cell_dose_format(&dose, text, sizeof(text));
		t = fuzz_copy((const uint8_t *) text, n);
		FUZZ_ASSERT(msc_cell_dose_parse(t, n, &dose2, &err) && memcmp(&dose, &dose2, sizeof(dose)) == 0,
					"dose \"%s\" does not parse back", text);
		free(t);
	}

	/* the same answers without an observer */
	FUZZ_ASSERT(msc_classify_sources(c, size, src2, NULL) == ns && memcmp(src, src2, ns) == 0, "sources differ untraced");
	FUZZ_ASSERT(msc_classify_routes(c, size, rt2, NULL) == nr && memcmp(rt, rt2, nr) == 0, "routes differ untraced");
	FUZZ_ASSERT(msc_classify_donor(c, size, NULL) == donor, "donor differs untraced");
	FUZZ_ASSERT(msc_classify_manipulation(c, size, NULL) == manip, "manipulation differs untraced");
	memset(&dose2, 0, sizeof(dose2));
	FUZZ_ASSERT(msc_classify_dose(c, size, &dose2, NULL) == has_dose &&
				(!has_dose || memcmp(&dose, &dose2, sizeof(dose)) == 0), "dose differs untraced");

	check_every_dose(c, size, has_dose, &dose);

	/* the SQL functions' length check */
	FUZZ_ASSERT(msc_classify_check_length(size, "fuzz", &err), "length check refuses %zu bytes", size);
	free(c);
	return 0;
}

/*
 * Precision and recall of the free-text classifiers against five samples
 * of the corpus labelled by hand (see test/classify/LABELLING.md):
 * test/classify/labels.tsv (development: every 10th row, 153 records),
 * heldout.tsv (every 20th row from row 5, 77 records), final.tsv (every
 * 20th row from row 15, 77 records), and the unseen samples of issue 15,
 * unseen200.tsv and unseen100.tsv (drawn at random, with every stated
 * dose: their last column is "doses"), and fresh100.tsv (drawn at random
 * after the second round of issue 15; its floors are set from its first
 * blind run).
 *
 * The records themselves are in ctgov_msc_interventions.tsv of the shared
 * data (shared_data.h), outside the repository.  Without it the test fails,
 * unless MSC_SKIP_SHARED_DATA=1 (then it checks only that the labels parse
 * and prints a SKIPPED line).
 *
 * Each classifier reads the record's title, intervention names,
 * intervention descriptions and arm descriptions joined by " | ".
 * Scores are micro-averaged over labelled items:
 *   sources, routes: an item is one (record, value) pair; a value returned
 *     and labelled is a true positive, returned and not labelled a false
 *     positive, labelled and not returned a false negative.
 *   donor, manipulation, dose: an item is a record whose label or result
 *     is not empty; a result equal to the label is a true positive, a
 *     result that differs from it (or has no label) a false positive, a
 *     label not returned a false negative ("mixed" expects no result).
 *   precision = TP / (TP + FP), recall = TP / (TP + FN).
 * Every classifier has a precision and a recall floor on every sample, a
 * few points below its score when the floors were set (floors[] in main);
 * falling below one fails, and so does a sample with no item to score (a
 * ratio of 0/0 is not a pass).  The first blind runs are in doc/classify.md.
 * MSC_CLASSIFY_VERBOSE=1 prints every disagreement with the words
 * that caused it; MSC_CLASSIFY_DUMP=file writes the five answers for every
 * record of the corpus as TSV; MSC_CLASSIFY_EXPLAIN=NCT01234567,... prints
 * the evidence of every answer for those records.
 */
#include "unit.h"
#include "shared_data.h"
#include "classify.h"

#include <stdlib.h>
#include <time.h>

#define MAX_RECORDS 4096
#define MAX_LINE (1 << 20)

typedef struct record
{
	char		nct[16];
	char	   *text;			/* title | iname | idesc | arms */
	size_t		len;
} record;

static record records[MAX_RECORDS];
static int	nrecords;

typedef struct label
{
	char		nct[16];
	char		sources[256];
	char		routes[256];
	char		donor[32];
	char		manip[32];
	char		dose[256];		/* the first dose, or every dose (doses_file) */
} label;

static label labels[1024];
static int	nlabels;
static bool doses_file;			/* last column "doses": every stated dose */
static bool verbose;

/* Split line in place at tabs into at most max fields; returns how many. */
static int
split_tabs(char *line, char **fields, int max)
{
	int			n = 0;
	char	   *p = line;

	fields[n++] = p;
	while (*p && n < max)
	{
		if (*p == '\t')
		{
			*p = '\0';
			fields[n++] = p + 1;
		}
		p++;
	}
	return n;
}

static void
chomp(char *s)
{
	size_t		n = strlen(s);

	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r'))
		s[--n] = '\0';
}

static void
load_corpus(FILE *f)
{
	static char line[MAX_LINE];
	bool		header = true;

	while (fgets(line, sizeof(line), f) && nrecords < MAX_RECORDS)
	{
		char	   *fld[12];
		int			n;
		size_t		need;
		record	   *r;

		chomp(line);
		if (header)
		{
			header = false;
			continue;
		}
		n = split_tabs(line, fld, 12);
		if (n < 7)
			continue;
		r = &records[nrecords++];
		snprintf(r->nct, sizeof(r->nct), "%s", fld[0]);
		need = strlen(fld[1]) + strlen(fld[4]) + strlen(fld[5]) + strlen(fld[6]) + 16;
		r->text = malloc(need);
		snprintf(r->text, need, "%s | %s | %s | %s", fld[1], fld[4], fld[5], fld[6]);
		r->len = strlen(r->text);
	}
}

static bool
load_labels(const char *file)
{
	FILE	   *f = fopen(file, "r");
	char		line[2048];
	bool		header = true;

	nlabels = 0;
	doses_file = false;
	if (f == NULL)
		return false;
	while (fgets(line, sizeof(line), f))
	{
		char	   *fld[8];
		int			n;
		label	   *l;

		chomp(line);
		if (line[0] == '#' || line[0] == '\0')
			continue;
		if (header)
		{
			header = false;
			doses_file = strcmp(line, "nct\tsources\troutes\tdonor\tmanipulation\tdoses") == 0;
			CHECK(doses_file || strcmp(line, "nct\tsources\troutes\tdonor\tmanipulation\tdose") == 0,
				  "labels header: %s", line);
			continue;
		}
		n = split_tabs(line, fld, 8);
		CHECK(n == 6, "label line with %d fields: %s", n, line);
		if (n != 6 || nlabels >= (int) (sizeof(labels) / sizeof(labels[0])))
			continue;
		l = &labels[nlabels++];
		snprintf(l->nct, sizeof(l->nct), "%s", fld[0]);
		snprintf(l->sources, sizeof(l->sources), "%s", fld[1]);
		snprintf(l->routes, sizeof(l->routes), "%s", fld[2]);
		snprintf(l->donor, sizeof(l->donor), "%s", fld[3]);
		snprintf(l->manip, sizeof(l->manip), "%s", fld[4]);
		snprintf(l->dose, sizeof(l->dose), "%s", fld[5]);
	}
	fclose(f);
	return true;
}

/* Every label value must be a canonical value of its type. */
static void
check_label_values(const label *l)
{
	char		buf[256];
	msc_error	err;

	snprintf(buf, sizeof(buf), "%s", l->sources);
	for (char *t = strtok(buf, ","); t; t = strtok(NULL, ","))
	{
		uint8_t		code;

		CHECK(msc_source_parse(t, strlen(t), &code, &err) &&
			  strcmp(msc_source_entry(code)->canonical, t) == 0,
			  "%s: bad source label \"%s\"", l->nct, t);
	}
	snprintf(buf, sizeof(buf), "%s", l->routes);
	for (char *t = strtok(buf, ","); t; t = strtok(NULL, ","))
	{
		uint8_t		code;

		CHECK(msc_route_parse(t, strlen(t), &code, &err) &&
			  strcmp(msc_route_info_of(code)->vocab.canonical, t) == 0,
			  "%s: bad route label \"%s\"", l->nct, t);
	}
	CHECK(l->donor[0] == '\0' || strcmp(l->donor, "autologous") == 0 ||
		  strcmp(l->donor, "allogeneic") == 0 || strcmp(l->donor, "mixed") == 0,
		  "%s: bad donor label \"%s\"", l->nct, l->donor);
	CHECK(l->manip[0] == '\0' || strcmp(l->manip, "culture_expanded") == 0 ||
		  strcmp(l->manip, "minimally_manipulated") == 0 || strcmp(l->manip, "mixed") == 0,
		  "%s: bad manipulation label \"%s\"", l->nct, l->manip);
	snprintf(buf, sizeof(buf), "%s", l->dose);
	CHECK(doses_file || strchr(buf, ',') == NULL, "%s: more than one dose in a dose column", l->nct);
	for (char *t = strtok(buf, ","); t; t = strtok(NULL, ","))
	{
		msc_cell_dose d;
		char		canon[MSC_CELL_DOSE_TEXT_MAX];

		CHECK(msc_cell_dose_parse(t, strlen(t), &d, &err) &&
			  msc_cell_dose_format(&d, canon, sizeof(canon)) > 0 &&
			  strcmp(canon, t) == 0,
			  "%s: dose label \"%s\" is not canonical", l->nct, t);
	}
}

static const record *
find_record(const char *nct)
{
	for (int i = 0; i < nrecords; i++)
		if (strcmp(records[i].nct, nct) == 0)
			return &records[i];
	return NULL;
}

typedef struct score
{
	const char *name;
	long		tp,
				fp,
				fn;
	int			exact;			/* records whose whole answer equals the label */
	int			records;
} score;

static double
ratio(long a, long b)
{
	return b == 0 ? 1.0 : (double) a / (double) b;
}

/* ---- evidence printing (verbose) ---- */

typedef struct ev_ctx
{
	const record *r;
	msc_evidence_kind kind;
} ev_ctx;

static void
print_evidence(void *arg, msc_evidence_kind kind, int value, size_t start, size_t end)
{
	ev_ctx	   *c = arg;
	size_t		a = start > 30 ? start - 30 : 0;
	size_t		b = end + 30 < c->r->len ? end + 30 : c->r->len;

	if (kind != c->kind)
		return;
	printf("      %d: ...%.*s[%.*s]%.*s...\n", value, (int) (start - a), c->r->text + a,
		   (int) (end - start), c->r->text + start, (int) (b - end), c->r->text + end);
}

static void
explain(const record *r, msc_evidence_kind kind)
{
	ev_ctx		c = {r, kind};
	msc_classify_trace t = {print_evidence, &c};
	uint8_t		codes[32];
	msc_cell_dose d;

	switch (kind)
	{
		case MSC_EV_SOURCE:
			msc_classify_sources(r->text, r->len, codes, &t);
			break;
		case MSC_EV_ROUTE:
			msc_classify_routes(r->text, r->len, codes, &t);
			break;
		case MSC_EV_DONOR:
			msc_classify_donor(r->text, r->len, &t);
			break;
		case MSC_EV_MANIPULATION:
			msc_classify_manipulation(r->text, r->len, &t);
			break;
		case MSC_EV_DOSE:
			msc_classify_dose(r->text, r->len, &d, &t);
			break;
	}
}

/* ---- set scoring (sources, routes) ---- */

static bool
in_list(const char *list, const char *item)
{
	size_t		n = strlen(item);
	const char *p = list;

	while ((p = strstr(p, item)) != NULL)
	{
		if ((p == list || p[-1] == ',') && (p[n] == '\0' || p[n] == ','))
			return true;
		p += n;
	}
	return false;
}

static void
score_list(score *s, const record *r, const char *want, const char *got,
		   msc_evidence_kind kind)
{
	char		buf[256];
	bool		bad = false;

	snprintf(buf, sizeof(buf), "%s", got);
	for (char *t = strtok(buf, ","); t; t = strtok(NULL, ","))
	{
		if (in_list(want, t))
			s->tp++;
		else
		{
			s->fp++;
			bad = true;
		}
	}
	snprintf(buf, sizeof(buf), "%s", want);
	for (char *t = strtok(buf, ","); t; t = strtok(NULL, ","))
		if (!in_list(got, t))
		{
			s->fn++;
			bad = true;
		}
	s->records++;
	if (strcmp(want, got) == 0)
		s->exact++;
	if ((bad || strcmp(want, got) != 0) && verbose)
	{
		printf("  %s %s: want \"%s\" got \"%s\"\n", s->name, r->nct, want, got);
		explain(r, kind);
	}
}

/* ---- single-value scoring (donor, manipulation, dose) ---- */

static void
score_one(score *s, const record *r, const char *want, const char *got,
		  msc_evidence_kind kind)
{
	bool		none_wanted = want[0] == '\0' || strcmp(want, "mixed") == 0;

	s->records++;
	if (got[0] != '\0' && !none_wanted && strcmp(want, got) == 0)
	{
		s->tp++;
		s->exact++;
		return;
	}
	if (got[0] == '\0' && none_wanted)
	{
		s->exact++;
		return;
	}
	if (got[0] != '\0')
		s->fp++;
	if (!none_wanted)
		s->fn++;
	if (verbose)
	{
		printf("  %s %s: want \"%s\" got \"%s\"\n", s->name, r->nct, want, got);
		explain(r, kind);
	}
}

static void
join_sources(char *buf, size_t n, const uint8_t *codes, int k)
{
	buf[0] = '\0';
	for (int i = 0; i < k; i++)
	{
		strncat(buf, i ? "," : "", n - strlen(buf) - 1);
		strncat(buf, msc_source_entry(codes[i])->canonical, n - strlen(buf) - 1);
	}
}

static void
join_routes(char *buf, size_t n, const uint8_t *codes, int k)
{
	buf[0] = '\0';
	for (int i = 0; i < k; i++)
	{
		strncat(buf, i ? "," : "", n - strlen(buf) - 1);
		strncat(buf, msc_route_info_of(codes[i])->vocab.canonical, n - strlen(buf) - 1);
	}
}

static void
print_score(const score *s)
{
	printf("| %-12s | %5.1f%% | %5.1f%% | %3ld | %3ld | %3ld | %3d/%d |\n", s->name,
		   100.0 * ratio(s->tp, s->tp + s->fp), 100.0 * ratio(s->tp, s->tp + s->fn),
		   s->tp, s->fp, s->fn, s->exact, s->records);
}

/* The five answers for every record, as TSV. */
static void
dump_corpus(const char *file)
{
	FILE	   *f = fopen(file, "w");

	if (f == NULL)
		return;
	fprintf(f, "nct\tsources\troutes\tdonor\tmanipulation\tdose\n");
	for (int i = 0; i < nrecords; i++)
	{
		const record *r = &records[i];
		uint8_t		codes[32];
		char		a[256],
					b[256],
					d[64] = "";
		msc_cell_dose v;
		int			dn = msc_classify_donor(r->text, r->len, NULL);
		int			mn = msc_classify_manipulation(r->text, r->len, NULL);

		join_sources(a, sizeof(a), codes, msc_classify_sources(r->text, r->len, codes, NULL));
		join_routes(b, sizeof(b), codes, msc_classify_routes(r->text, r->len, codes, NULL));
		if (msc_classify_dose(r->text, r->len, &v, NULL))
			msc_cell_dose_format(&v, d, sizeof(d));
		fprintf(f, "%s\t%s\t%s\t%s\t%s\t%s\n", r->nct, a, b,
				dn ? msc_donor_label(dn) : "", mn ? msc_manipulation_label(mn) : "", d);
	}
	fclose(f);
}

/* How many records of the whole corpus get a value, and how fast. */
static void
corpus_coverage(void)
{
	int			nsrc = 0,
				nrt = 0,
				ndn = 0,
				nmn = 0,
				nds = 0;
	size_t		bytes = 0;
	clock_t		t0 = clock();
	double		secs;
	int			rounds = 20;

	for (int round = 0; round < rounds; round++)
		for (int i = 0; i < nrecords; i++)
		{
			uint8_t		codes[32];
			msc_cell_dose d;
			const record *r = &records[i];
			int			a = msc_classify_sources(r->text, r->len, codes, NULL);
			int			b = msc_classify_routes(r->text, r->len, codes, NULL);
			int			c = msc_classify_donor(r->text, r->len, NULL);
			int			m = msc_classify_manipulation(r->text, r->len, NULL);
			bool		e = msc_classify_dose(r->text, r->len, &d, NULL);

			if (round == 0)
			{
				nsrc += a > 0;
				nrt += b > 0;
				ndn += c != 0;
				nmn += m != 0;
				nds += e;
				bytes += r->len;
			}
		}
	secs = (double) (clock() - t0) / CLOCKS_PER_SEC;
	printf("whole corpus (%d records, %zu bytes): a value for sources %d, routes %d, "
		   "donor %d, manipulation %d, dose %d records\n",
		   nrecords, bytes, nsrc, nrt, ndn, nmn, nds);
	printf("speed: all five classifiers over the corpus %d times in %.2f s CPU "
		   "(%.1f MB/s per classifier in this build)\n",
		   rounds, secs, secs > 0 ? 5.0 * rounds * (double) bytes / secs / 1e6 : 0.0);
}

/*
 * Precision and recall floors, in percent, of the five classifiers (dose:
 * the first dose); for a doses file also of every dose: precision,
 * recall, the share of records stating a dose whose doses are all found
 * exactly, and the share of records stating none that get none.
 */
typedef struct floors
{
	double		p[5],
				r[5],
				every[4];
} floors;

/* Every dose the classifiers find in r, canonical and comma-separated. */
static void
all_doses(const record *r, char *buf, size_t n)
{
	msc_cell_dose d[64];
	int			k = msc_classify_doses(r->text, r->len, d, 64, NULL);

	CHECK(k >= 0, "%s: more than 64 doses", r->nct);
	buf[0] = '\0';
	for (int i = 0; i < k; i++)
	{
		char		one[MSC_CELL_DOSE_TEXT_MAX];

		msc_cell_dose_format(&d[i], one, sizeof(one));
		strncat(buf, i ? "," : "", n - strlen(buf) - 1);
		strncat(buf, one, n - strlen(buf) - 1);
	}
}

/* The first dose of a comma-separated list, in place. */
static const char *
first_of(char *list)
{
	char	   *comma = strchr(list, ',');

	if (comma)
		*comma = '\0';
	return list;
}

/* Fail when s has nothing to score or falls below a floor. */
static void
check_floor(const char *file, const score *s, double pfloor, double rfloor)
{
	CHECK(s->tp + s->fp > 0 && s->tp + s->fn > 0, "%s: %s: nothing to score", file, s->name);
	CHECK(s->tp + s->fp > 0 && 100.0 * s->tp / (s->tp + s->fp) >= pfloor,
		  "%s: %s precision %.1f%% below its floor %.0f%%", file, s->name,
		  100.0 * ratio(s->tp, s->tp + s->fp), pfloor);
	CHECK(s->tp + s->fn > 0 && 100.0 * s->tp / (s->tp + s->fn) >= rfloor,
		  "%s: %s recall %.1f%% below its floor %.0f%%", file, s->name,
		  100.0 * ratio(s->tp, s->tp + s->fn), rfloor);
}

/* Score the classifiers against the labels of file and check the floors. */
static void
evaluate(const char *file, const char *title, const floors *fl)
{
	score		src = {"sources", 0, 0, 0, 0, 0},
				rt = {"routes", 0, 0, 0, 0, 0},
				dn = {"donor", 0, 0, 0, 0, 0},
				mn = {"manipulation", 0, 0, 0, 0, 0},
				ds = {"dose", 0, 0, 0, 0, 0},
				every = {"every dose", 0, 0, 0, 0, 0};
	int			missing = 0,
				stated = 0,
				stated_exact = 0,
				unstated = 0,
				unstated_clean = 0;

	CHECK(load_labels(file), "%s not found (run from the repository root)", file);
	printf("\n%s: %s, %d records\n", title, file, nlabels);
	for (int i = 0; i < nlabels; i++)
	{
		const label *l = &labels[i];
		const record *r = find_record(l->nct);
		uint8_t		codes[32];
		char		got[256];
		int			k;
		msc_cell_dose d;

		if (r == NULL)
		{
			missing++;
			continue;
		}
		k = msc_classify_sources(r->text, r->len, codes, NULL);
		join_sources(got, sizeof(got), codes, k);
		score_list(&src, r, l->sources, got, MSC_EV_SOURCE);
		k = msc_classify_routes(r->text, r->len, codes, NULL);
		join_routes(got, sizeof(got), codes, k);
		score_list(&rt, r, l->routes, got, MSC_EV_ROUTE);
		k = msc_classify_donor(r->text, r->len, NULL);
		score_one(&dn, r, l->donor, k ? msc_donor_label(k) : "", MSC_EV_DONOR);
		k = msc_classify_manipulation(r->text, r->len, NULL);
		score_one(&mn, r, l->manip, k ? msc_manipulation_label(k) : "", MSC_EV_MANIPULATION);
		if (msc_classify_dose(r->text, r->len, &d, NULL))
			msc_cell_dose_format(&d, got, sizeof(got));
		else
			got[0] = '\0';
		{
			char		want[256];

			snprintf(want, sizeof(want), "%s", l->dose);
			score_one(&ds, r, first_of(want), got, MSC_EV_DOSE);
		}
		if (doses_file)
		{
			all_doses(r, got, sizeof(got));
			score_list(&every, r, l->dose, got, MSC_EV_DOSE);
			if (l->dose[0])
			{
				stated++;
				stated_exact += strcmp(l->dose, got) == 0;
			}
			else
			{
				unstated++;
				unstated_clean += got[0] == '\0';
			}
		}
	}
	CHECK(missing == 0, "%s: %d labelled records are not in the corpus", file, missing);

	printf("\n| function     | precision | recall | TP | FP | FN | exact |\n");
	printf("|---|---|---|---|---|---|---|\n");
	print_score(&src);
	print_score(&rt);
	print_score(&dn);
	print_score(&mn);
	print_score(&ds);
	{
		const score *all[5] = {&src, &rt, &dn, &mn, &ds};

		for (int i = 0; i < 5; i++)
			check_floor(file, all[i], fl->p[i], fl->r[i]);
	}
	if (doses_file)
	{
		double		exact = 100.0 * ratio(stated_exact, stated),
					clean = 100.0 * ratio(unstated_clean, unstated);

		print_score(&every);
		printf("every dose found, each exactly: %d/%d records stating a dose (%.1f%%); "
			   "no dose where none is stated: %d/%d records (%.1f%%)\n",
			   stated_exact, stated, exact, unstated_clean, unstated, clean);
		check_floor(file, &every, fl->every[0], fl->every[1]);
		CHECK(stated > 0 && exact >= fl->every[2], "%s: every dose exact in %.1f%% of records, below its floor %.0f%%",
			  file, exact, fl->every[2]);
		CHECK(unstated > 0 && clean >= fl->every[3], "%s: no dose where none stated in %.1f%% of records, below its floor %.0f%%",
			  file, clean, fl->every[3]);
	}
}

int
main(void)
{
	char		path[1200];
	FILE	   *f;
	static const char *const files[] = {"test/classify/labels.tsv", "test/classify/heldout.tsv",
	"test/classify/final.tsv", "test/classify/unseen200.tsv", "test/classify/unseen100.tsv",
	"test/classify/fresh100.tsv"};

	/*
	 * Floors (precision, recall in %) for sources, routes, donor,
	 * manipulation, dose (the first dose), and for the doses files also
	 * every dose (precision, recall, records with every dose exact,
	 * records stating none that get none): about 3 points below the scores
	 * of issue 15 (0.3.0), rounded down.  On the small samples one more
	 * error can cost more than 3 points: any change of a score needs a
	 * look, and new floors.
	 */
	static const floors fl[] = {
		{{96, 97, 95, 93, 95}, {97, 97, 97, 93, 95}, {0, 0, 0, 0}},	/* development */
		{{95, 97, 97, 97, 97}, {93, 94, 94, 97, 97}, {0, 0, 0, 0}},	/* held-out */
		{{93, 94, 91, 97, 97}, {97, 89, 97, 88, 97}, {0, 0, 0, 0}},	/* final */
		{{96, 96, 97, 95, 97}, {94, 97, 94, 95, 95}, {97, 96, 95, 99}},	/* unseen 200 */
		{{95, 97, 97, 97, 97}, {94, 97, 95, 92, 97}, {97, 97, 97, 97}},	/* unseen 100 */
		{{95, 97, 97, 91, 92}, {95, 89, 92, 81, 92}, {87, 95, 82, 97}},	/* fresh 100: first blind run */
	};

	verbose = getenv("MSC_CLASSIFY_VERBOSE") != NULL;
	for (int k = 0; k < 6; k++)
	{
		CHECK(load_labels(files[k]), "%s not found (run from the repository root)", files[k]);
		CHECK(nlabels >= (k == 0 ? 150 : k == 3 ? 200 : k >= 4 ? 100 : 70), "only %d records in %s", nlabels, files[k]);
		for (int i = 0; i < nlabels; i++)
			check_label_values(&labels[i]);
	}

	f = shared_data_open("test_classify_corpus: the precision and recall floors of the classifiers", "ctgov_msc_interventions.tsv",
						 path, sizeof(path));
	if (f == NULL)
		return unit_report("test_classify_corpus");
	load_corpus(f);
	fclose(f);
	printf("test_classify_corpus: %s: %d records\n", path, nrecords);
	printf("micro-averaged over labelled items (sources, routes: one item per "
		   "(record, value); donor, manipulation, dose: one per record with a label "
		   "or a result); exact = records whose whole answer equals the label\n");
	evaluate(files[0], "development sample (every 10th row)", &fl[0]);
	evaluate(files[1], "held-out sample (every 20th row from row 5)", &fl[1]);
	evaluate(files[2], "final blind sample (every 20th row from row 15)", &fl[2]);
	evaluate(files[3], "unseen sample of issue 15 (200 at random, seed 15)", &fl[3]);
	evaluate(files[4], "second unseen sample of issue 15 (100 at random, seed 1515)", &fl[4]);
	evaluate(files[5], "fresh sample (100 at random, seed 20261204)", &fl[5]);
	printf("\n");
	corpus_coverage();
	if (getenv("MSC_CLASSIFY_EXPLAIN"))
	{
		const char *list = getenv("MSC_CLASSIFY_EXPLAIN");

		for (int i = 0; i < nrecords; i++)
			if (strstr(list, records[i].nct))
			{
				printf("%s\n", records[i].nct);
				for (int k = MSC_EV_SOURCE; k <= MSC_EV_DOSE; k++)
					explain(&records[i], (msc_evidence_kind) k);
			}
	}
	if (getenv("MSC_CLASSIFY_DUMP"))
		dump_corpus(getenv("MSC_CLASSIFY_DUMP"));
	for (int i = 0; i < nrecords; i++)
		free(records[i].text);
	return unit_report("test_classify_corpus");
}

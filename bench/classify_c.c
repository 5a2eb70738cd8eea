/*
 * classify_c.c — the free-text classifiers of this checkout against those
 * of an earlier commit, in one process over the same texts (see
 * bench/classify_c.sh, which builds the earlier src/core with every global
 * symbol renamed old_*).  Each round times each function over the corpus
 * REPS times, old and new back to back, the order alternating by round;
 * CPU time of the thread, so that time the scheduler gives to others is
 * not counted.  Prints the per-round times and, per function, the medians
 * and the median of the per-round ratios new / old.
 */
#define _POSIX_C_SOURCE 200809L
#include "classify.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int			old_msc_classify_sources(const char *, size_t, uint8_t *, const msc_classify_trace *);
int			old_msc_classify_routes(const char *, size_t, uint8_t *, const msc_classify_trace *);
int			old_msc_classify_donor(const char *, size_t, const msc_classify_trace *);
int			old_msc_classify_manipulation(const char *, size_t, const msc_classify_trace *);
bool		old_msc_classify_dose(const char *, size_t, msc_cell_dose *, const msc_classify_trace *);

#define MAX_RECORDS 4096
#define MAX_ROUNDS 64

static char *texts[MAX_RECORDS];
static size_t lens[MAX_RECORDS];
static int	ntexts;
static volatile long sink;

enum {F_SOURCES, F_ROUTES, F_DONOR, F_MANIP, F_DOSE, F_DOSES, NF};
static const char *const fname[NF] = {"sources", "routes", "donor", "manipulation",
	"dose (first)", "doses (every; old: first)"};

static void
run(int f, bool old)
{
	uint8_t		codes[64];
	msc_cell_dose d[64];

	for (int i = 0; i < ntexts; i++)
	{
		const char *s = texts[i];
		size_t		n = lens[i];

		switch (f)
		{
			case F_SOURCES:
				sink += old ? old_msc_classify_sources(s, n, codes, NULL) : msc_classify_sources(s, n, codes, NULL);
				break;
			case F_ROUTES:
				sink += old ? old_msc_classify_routes(s, n, codes, NULL) : msc_classify_routes(s, n, codes, NULL);
				break;
			case F_DONOR:
				sink += old ? old_msc_classify_donor(s, n, NULL) : msc_classify_donor(s, n, NULL);
				break;
			case F_MANIP:
				sink += old ? old_msc_classify_manipulation(s, n, NULL) : msc_classify_manipulation(s, n, NULL);
				break;
			case F_DOSE:
				sink += old ? old_msc_classify_dose(s, n, d, NULL) : msc_classify_dose(s, n, d, NULL);
				break;
			case F_DOSES:
				sink += old ? old_msc_classify_dose(s, n, d, NULL) : msc_classify_doses(s, n, d, 64, NULL);
				break;
		}
	}
}

static double
timed(int f, bool old, int reps)
{
	struct timespec a,
				b;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &a);
	for (int r = 0; r < reps; r++)
		run(f, old);
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &b);
	return (b.tv_sec - a.tv_sec) * 1e3 + (b.tv_nsec - a.tv_nsec) / 1e6;
}

static int
cmp_double(const void *a, const void *b)
{
	double		x = *(const double *) a,
				y = *(const double *) b;

	return (x > y) - (x < y);
}

static double
median(double *v, int n)
{
	double		t[MAX_ROUNDS];

	memcpy(t, v, n * sizeof(double));
	qsort(t, n, sizeof(double), cmp_double);
	return n % 2 ? t[n / 2] : (t[n / 2 - 1] + t[n / 2]) / 2;
}

int
main(int argc, char **argv)
{
	static char line[1 << 20];
	FILE	   *f;
	int			rounds = argc > 2 ? atoi(argv[2]) : 9;
	int			reps = argc > 3 ? atoi(argv[3]) : 8;
	size_t		bytes = 0;
	double		t_old[NF][MAX_ROUNDS],
				t_new[NF][MAX_ROUNDS],
				ratio[NF][MAX_ROUNDS];
	bool		header = true;

	if (argc < 2 || (f = fopen(argv[1], "r")) == NULL || rounds < 1 || rounds > MAX_ROUNDS || reps < 1)
	{
		fprintf(stderr, "usage: classify_c ctgov_msc_interventions.tsv [rounds [reps]]\n");
		return 2;
	}
	/* the text test_classify_corpus gives the classifiers: title | iname | idesc | arms */
	while (fgets(line, sizeof(line), f) && ntexts < MAX_RECORDS)
	{
		char	   *fld[12];
		int			n = 0;
		size_t		need;

		line[strcspn(line, "\r\n")] = '\0';
		if (header)
		{
			header = false;
			continue;
		}
		fld[n++] = line;
		for (char *p = line; *p && n < 12; p++)
			if (*p == '\t')
			{
				*p = '\0';
				fld[n++] = p + 1;
			}
		if (n < 7)
			continue;
		need = strlen(fld[1]) + strlen(fld[4]) + strlen(fld[5]) + strlen(fld[6]) + 16;
		texts[ntexts] = malloc(need);
		snprintf(texts[ntexts], need, "%s | %s | %s | %s", fld[1], fld[4], fld[5], fld[6]);
		lens[ntexts] = strlen(texts[ntexts]);
		bytes += lens[ntexts++];
	}
	fclose(f);
	printf("%d records, %zu bytes; %d rounds, each function over the corpus %d times per timing\n",
		   ntexts, bytes, rounds, reps);
	for (int k = 0; k < NF; k++)
		(void) timed(k, false, 1), (void) timed(k, true, 1);	/* warm up */
	for (int r = 0; r < rounds; r++)
		for (int k = 0; k < NF; k++)
		{
			if (r % 2 == 0)
			{
				t_old[k][r] = timed(k, true, reps);
				t_new[k][r] = timed(k, false, reps);
			}
			else
			{
				t_new[k][r] = timed(k, false, reps);
				t_old[k][r] = timed(k, true, reps);
			}
			ratio[k][r] = t_new[k][r] / t_old[k][r];
			printf("round %d %-26s old %8.1f ms  new %8.1f ms  new/old %.3f\n", r + 1, fname[k],
				   t_old[k][r], t_new[k][r], ratio[k][r]);
		}
	printf("\n| function | old (ms, median) | new (ms, median) | new / old (median of rounds) | min .. max of rounds |\n");
	printf("|---|---:|---:|---:|---|\n");
	for (int k = 0; k < NF; k++)
	{
		double		lo = ratio[k][0],
					hi = ratio[k][0];

		for (int r = 1; r < rounds; r++)
		{
			lo = ratio[k][r] < lo ? ratio[k][r] : lo;
			hi = ratio[k][r] > hi ? ratio[k][r] : hi;
		}
		printf("| %s | %.1f | %.1f | %.3f | %.3f .. %.3f |\n", fname[k], median(t_old[k], rounds),
			   median(t_new[k], rounds), median(ratio[k], rounds), lo, hi);
	}
	for (int i = 0; i < ntexts; i++)
		free(texts[i]);
	return sink == 42 ? 1 : 0;
}

/*
 * The interrupt hook of long core loops (msc_interrupt.h): REML and
 * Paule-Mandel call it once per pass over the studies, the forest plot once
 * per study row and every MSC_INTERRUPT_EVERY characters of a label, the
 * classifiers once per clause.  A hook that longjmps out (as the server's
 * CHECK_FOR_INTERRUPTS does on a cancel) leaves nothing behind: the same
 * call afterwards gives the same result as one never interrupted, and
 * LeakSanitizer (on with ASan) finds no block lost at exit once the test
 * frees what core took through msc_malloc during the run, as the server's
 * memory context reset does (msc_alloc.h).
 */
#include "unit.h"
#include "classify.h"
#include "forest_svg.h"
#include "msc_alloc.h"
#include "msc_interrupt.h"
#include "stat_meta.h"

#include <math.h>
#include <setjmp.h>
#include <stdlib.h>

static long calls;
static long jump_at;			/* longjmp on this call; 0: never */
static jmp_buf jump;

static void
hook(void)
{
	if (++calls == jump_at)
		longjmp(jump, 1);
}

static void
arm(long at)
{
	calls = 0;
	jump_at = at;
	msc_interrupt_hook = hook;
}

/* msc_malloc'd blocks of one run, freed after it as a memory context reset would */
#define MAX_BLOCKS 4096
static void *blocks[MAX_BLOCKS];
static int	nblocks;

static void *
context_alloc(size_t size)
{
	void	   *p = malloc(size);

	if (p != NULL && nblocks < MAX_BLOCKS)
		blocks[nblocks++] = p;
	return p;
}

static void
context_free(void *p)
{
	for (int i = 0; i < nblocks; i++)
		if (blocks[i] == p)
		{
			blocks[i] = blocks[--nblocks];
			break;
		}
	free(p);
}

/* run(arg) with the hook jumping on check number at: whether it jumped */
static bool
interrupted(long at, void (*run) (void *), void *arg)
{
	volatile bool jumped = true;

	arm(at);
	nblocks = 0;
	msc_alloc_hook = context_alloc;
	msc_free_hook = context_free;
	if (setjmp(jump) == 0)
	{
		run(arg);
		jumped = false;
	}
	jump_at = 0;				/* calls keeps the count of this run */
	msc_alloc_hook = NULL;
	msc_free_hook = NULL;
	while (nblocks > 0)			/* the context reset */
		free(blocks[--nblocks]);
	return jumped;
}

/* forest_buf memory in one block the test frees itself, as palloc's context would be */
static void *block;

static void *
tracked_grow(void *ptr, size_t size)
{
	block = realloc(ptr, size);
	return block;
}

#define K 40

static double yi[K],
			vi[K];

static void
studies(void)
{
	for (int i = 0; i < K; i++)
	{
		yi[i] = sin(i) * (i % 3 ? 1 : 5);
		vi[i] = 0.01 + (i % 7) * 0.05;
	}
}

static void
run_meta(void *arg)
{
	meta_result r;
	msc_error	err;

	(void) stat_meta_pool(yi, vi, K, *(meta_method *) arg, META_Z, &r, &err);
}

static void
test_meta(meta_method m, const char *name)
{
	meta_result r,
				again;
	msc_error	err;

	arm(0);
	CHECK(stat_meta_pool(yi, vi, K, m, META_Z, &r, &err), "%s: %s", name, err.message);
	CHECK(r.iterations > 0 && calls >= r.iterations,
		  "%s: %ld checks for %d iterations", name, calls, r.iterations);
	CHECK(interrupted(2, run_meta, &m), "%s: the second check did not stop it", name);
	CHECK(stat_meta_pool(yi, vi, K, m, META_Z, &again, &err) && again.tau2 == r.tau2 &&
		  again.estimate == r.estimate, "%s: a run after the interrupt differs", name);
}

static void
run_mh(void *arg)
{
	double		a[K],
				b[K],
				c[K],
				d[K];
	meta_result r;
	msc_error	err;

	for (int i = 0; i < K; i++)
	{
		a[i] = i % 5;
		b[i] = 20 - i % 5;
		c[i] = i % 3 + 1;
		d[i] = 20;
	}
	*(bool *) arg = stat_meta_mh(a, b, c, d, K, META_OR, &r, &err);
}

static void
test_mh(void)
{
	bool		ok = false;

	/* stat_meta_mh mallocs: it must not check while it holds the memory */
	CHECK(!interrupted(1, run_mh, &ok) && ok, "MH checked for interrupts while it held malloc'd memory");
}

static char label[100000];

static void
run_forest(void *arg)
{
	const char *labels[K];
	forest_buf out;
	msc_error	err;

	for (int i = 0; i < K; i++)
		labels[i] = i == 0 ? label : "study";
	forest_buf_init(&out, tracked_grow);
	*(bool *) arg = forest_plot_svg(&out, labels, yi, vi, K, META_FE, NULL, 0, &err);
}

static void
test_forest(void)
{
	bool		ok = false;

	memset(label, 'x', sizeof(label) - 1);
	CHECK(!interrupted(0, run_forest, &ok) && ok, "forest: no plot");
	free(block);
	block = NULL;
	CHECK(calls >= K + (long) sizeof(label) / MSC_INTERRUPT_EVERY - 1,
		  "forest: %ld checks for %d rows and a label of %zu characters", calls, K, sizeof(label) - 1);
	/* interrupted inside the long label, and at rows */
	for (long at = 3; at <= 60; at += 19)
	{
		CHECK(interrupted(at, run_forest, &ok), "forest: check %ld did not stop it", at);
		free(block);
		block = NULL;
	}
}

static char text[20000];

/* many short clauses; returns the length, their count in *clauses */
static size_t
clause_text(int *clauses)
{
	size_t		len = 0;

	*clauses = 0;
	while (len + 64 < sizeof(text))
	{
		len += (size_t) snprintf(text + len, sizeof(text) - len,
								 "%s; ", *clauses % 2 ? "autologous adipose-derived MSC" : "bone marrow");
		(*clauses)++;
	}
	return len;
}

typedef struct classified
{
	int			n;
	uint8_t		codes[MSC_SOURCE_COUNT];
} classified;

static void
run_classify(void *arg)
{
	classified *c = arg;
	int			clauses;
	size_t		len = clause_text(&clauses);

	c->n = msc_classify_sources(text, len, c->codes, NULL);
}

static void
test_classify(void)
{
	classified	first,
				again;
	int			clauses;

	(void) clause_text(&clauses);
	CHECK(!interrupted(0, run_classify, &first) && first.n == 2, "classify: %d sources", first.n);
	CHECK(calls >= clauses, "classify: %ld checks for %d clauses", calls, clauses);
	CHECK(interrupted(5, run_classify, &again), "classify: the fifth check did not stop it");
	CHECK(!interrupted(0, run_classify, &again) && again.n == first.n &&
		  memcmp(again.codes, first.codes, (size_t) first.n) == 0,
		  "classify: a run after the interrupt differs");
}

int
main(void)
{
	studies();
	test_meta(META_REML, "REML");
	test_meta(META_PM, "PM");
	test_mh();
	test_forest();
	test_classify();
	msc_interrupt_hook = NULL;
	return unit_report("interrupt");
}

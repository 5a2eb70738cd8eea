/*
 * msc_interrupt.h — how long core loops let the server cancel them.
 *
 * Core code has no PostgreSQL headers, so it cannot call
 * CHECK_FOR_INTERRUPTS() itself.  Instead every loop that can run long
 * (REML and Paule-Mandel iterations, the rows of a forest plot, the clauses
 * of a classified text, a sort of a group's rows) calls
 * msc_check_interrupts() once per iteration or every
 * MSC_INTERRUPT_EVERY small steps.  The PostgreSQL glue sets
 * msc_interrupt_hook in _PG_init to a function that runs
 * CHECK_FOR_INTERRUPTS(); core tests and fuzzers leave it NULL.
 *
 * The hook may not return: on a cancel or a statement timeout the server
 * longjmps out of core code to its error handler.  Memory is why this is
 * safe: core code takes its working memory from msc_malloc (msc_alloc.h),
 * which in the server is palloc in a memory context the server resets
 * after the error, and forest_buf grows through the caller's allocator.
 * Nor may a loop leave shared state half-updated across a check (the
 * classifier's static tables are built before the first check).
 */
#ifndef MSC_INTERRUPT_H
#define MSC_INTERRUPT_H

/* small steps (bytes, comparisons) between two checks */
#define MSC_INTERRUPT_EVERY 4096

extern void (*msc_interrupt_hook) (void);

static inline void
msc_check_interrupts(void)
{
	if (msc_interrupt_hook)
		msc_interrupt_hook();
}

#endif

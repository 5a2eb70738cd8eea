/*
 * msc_alloc.h — where core code gets its working memory.
 *
 * A long core loop may be left by a longjmp (msc_interrupt.h: a cancel in
 * the server), and so may a glue function's error.  Memory core code holds
 * at that moment must be reclaimed by someone: in the server the glue sets
 * these hooks in _PG_init to palloc and pfree in the current memory
 * context, which the server resets after the error; core tests and fuzzers
 * leave them NULL and get malloc and free.  All core allocations go through
 * msc_malloc, msc_calloc and msc_free.  An allocation hook may raise an
 * error instead of returning NULL (palloc does); core code still checks for
 * NULL, for malloc.
 */
#ifndef MSC_ALLOC_H
#define MSC_ALLOC_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

extern void *(*msc_alloc_hook) (size_t size);
extern void (*msc_free_hook) (void *ptr);

static inline void *
msc_malloc(size_t size)
{
	return msc_alloc_hook ? msc_alloc_hook(size) : malloc(size);
}

static inline void *
msc_calloc(size_t n, size_t size)
{
	void	   *p;

	if (size != 0 && n > SIZE_MAX / size)
		return NULL;
	p = msc_malloc(n * size);
	if (p != NULL)
		memset(p, 0, n * size);
	return p;
}

static inline void
msc_free(void *ptr)
{
	if (ptr == NULL)
		return;
	if (msc_free_hook)
		msc_free_hook(ptr);
	else
		free(ptr);
}

#endif

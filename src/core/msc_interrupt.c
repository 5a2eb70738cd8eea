/*
 * msc_interrupt.c — the hook long core loops call (see msc_interrupt.h).
 */
#include "msc_interrupt.h"

#include <stddef.h>

void		(*msc_interrupt_hook) (void) = NULL;

/* where core code's working memory comes from (msc_alloc.h) */
#include "msc_alloc.h"

void	   *(*msc_alloc_hook) (size_t size) = NULL;
void		(*msc_free_hook) (void *ptr) = NULL;

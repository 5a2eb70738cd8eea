/*
 * msc_interrupt.c — the hook long core loops call (see msc_interrupt.h).
 */
#include "msc_interrupt.h"

#include <stddef.h>

void		(*msc_interrupt_hook) (void) = NULL;

/*
 * module.c — the module's magic block and the shared error glue.
 */
#include "msc_pg.h"

#include "catalog/pg_type_d.h"
#include "utils/array.h"
#include "miscadmin.h"
#include "utils/builtins.h"

#if PG_VERSION_NUM >= 160000
#include "nodes/miscnodes.h"
#endif

#include "../core/msc_alloc.h"
#include "../core/msc_interrupt.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

/*
 * Long core loops call this (through msc_interrupt_hook): a cancel or a
 * statement timeout longjmps out of core code here.  Core's working memory
 * comes from palloc (below), so the memory context reset after the error
 * reclaims whatever core held.
 */
static void
msc_pg_check_interrupts(void)
{
	CHECK_FOR_INTERRUPTS();
}

/* core's working memory (msc_alloc.h): the current context, large sizes allowed */
static void *
msc_pg_alloc(size_t size)
{
	return MemoryContextAllocHuge(CurrentMemoryContext, size);
}

static void
msc_pg_free(void *ptr)
{
	pfree(ptr);
}

void
_PG_init(void)
{
	msc_interrupt_hook = msc_pg_check_interrupts;
	msc_alloc_hook = msc_pg_alloc;
	msc_free_hook = msc_pg_free;
}

static int
sqlstate_of(msc_errclass errclass)
{
	switch (errclass)
	{
		case MSC_ERR_RANGE:
			return ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE;
		case MSC_ERR_PARAM:
			return ERRCODE_INVALID_PARAMETER_VALUE;
		case MSC_ERR_LIMIT:
			return ERRCODE_PROGRAM_LIMIT_EXCEEDED;
		case MSC_ERR_SYNTAX:
		case MSC_OK:
			break;
	}
	return ERRCODE_INVALID_TEXT_REPRESENTATION;
}

void
msc_ereport(const msc_error *err)
{
	ereport(ERROR,
			(errcode(sqlstate_of(err->errclass)),
			 errmsg("%s", err->message),
			 err->detail[0] ? errdetail("%s", err->detail) : 0,
			 err->hint[0] ? errhint("%s", err->hint) : 0));
	pg_unreachable();
}

void
msc_input_error(FunctionCallInfo fcinfo, const msc_error *err)
{
#if PG_VERSION_NUM >= 160000
	errsave(fcinfo->context,
			(errcode(sqlstate_of(err->errclass)),
			 errmsg("%s", err->message),
			 err->detail[0] ? errdetail("%s", err->detail) : 0,
			 err->hint[0] ? errhint("%s", err->hint) : 0));
#else
	(void) fcinfo;
	msc_ereport(err);
#endif
}

Datum
msc_text_array(const char *const *list)
{
	int			n = 0;
	Datum	   *elems;

	while (list[n])
		n++;
	elems = palloc(sizeof(Datum) * (n > 0 ? n : 1));
	for (int i = 0; i < n; i++)
		elems[i] = PointerGetDatum(cstring_to_text(list[i]));
	return PointerGetDatum(construct_array(elems, n, TEXTOID, -1, false, TYPALIGN_INT));
}

MemoryContext
msc_aggregate_context(FunctionCallInfo fcinfo, const char *name)
{
	MemoryContext cxt;

	if (!AggCheckCallContext(fcinfo, &cxt))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("%s called in non-aggregate context", name)));
	return cxt;
}

/*
 * msc_pg.h — shared PostgreSQL glue: error reporting and the functions
 * every ordered type gets (comparison, btree and hash support).
 */
#ifndef MSC_PG_H
#define MSC_PG_H

#include "postgres.h"
#include "fmgr.h"
#include "utils/sortsupport.h"
#if PG_VERSION_NUM >= 160000
#include "varatt.h"			/* VARDATA_ANY and the like left postgres.h in 16 */
#endif

#include "../core/msc_error.h"

/* Raise err as an ERROR with the SQLSTATE of its class. */
void		msc_ereport(const msc_error *err) pg_attribute_noreturn();

/*
 * Report a failed type-input parse.  On PostgreSQL 16 and later a caller
 * that passed an ErrorSaveContext (pg_input_is_valid) gets a soft error and
 * msc_input_error returns; otherwise it raises.  Input functions write
 * "msc_input_error(fcinfo, &err); PG_RETURN_NULL();".
 */
void		msc_input_error(FunctionCallInfo fcinfo, const msc_error *err);

/* The aggregate's memory context; an error when not called as an aggregate. */
MemoryContext msc_aggregate_context(FunctionCallInfo fcinfo, const char *name);

/* A text[] Datum of a NULL-terminated list of C strings. */
Datum		msc_text_array(const char *const *list);

/*
 * For a type whose file defines
 *     static int  NAME_cmp_datums(Datum a, Datum b);
 *     static uint64 NAME_hash_datum(Datum a, uint64 seed);
 * define the SQL-callable NAME_cmp, _lt, _le, _eq, _ne, _ge, _gt, _hash,
 * _hash_extended, _smaller, _larger and _sortsupport (B-tree support
 * function 2: sorts and index builds compare without a function call per
 * comparison) that src/sql/ordered_type.sql.in declares.  The 32-bit
 * hash is the low half of the extended hash with seed 0, as PostgreSQL
 * requires.
 */
#define MSC_ORDERED_TYPE_FUNCTIONS(NAME) \
	PG_FUNCTION_INFO_V1(NAME##_cmp); \
	Datum NAME##_cmp(PG_FUNCTION_ARGS) \
	{ PG_RETURN_INT32(NAME##_cmp_datums(PG_GETARG_DATUM(0), PG_GETARG_DATUM(1))); } \
	PG_FUNCTION_INFO_V1(NAME##_lt); \
	Datum NAME##_lt(PG_FUNCTION_ARGS) \
	{ PG_RETURN_BOOL(NAME##_cmp_datums(PG_GETARG_DATUM(0), PG_GETARG_DATUM(1)) < 0); } \
	PG_FUNCTION_INFO_V1(NAME##_le); \
	Datum NAME##_le(PG_FUNCTION_ARGS) \
	{ PG_RETURN_BOOL(NAME##_cmp_datums(PG_GETARG_DATUM(0), PG_GETARG_DATUM(1)) <= 0); } \
	PG_FUNCTION_INFO_V1(NAME##_eq); \
	Datum NAME##_eq(PG_FUNCTION_ARGS) \
	{ PG_RETURN_BOOL(NAME##_cmp_datums(PG_GETARG_DATUM(0), PG_GETARG_DATUM(1)) == 0); } \
	PG_FUNCTION_INFO_V1(NAME##_ne); \
	Datum NAME##_ne(PG_FUNCTION_ARGS) \
	{ PG_RETURN_BOOL(NAME##_cmp_datums(PG_GETARG_DATUM(0), PG_GETARG_DATUM(1)) != 0); } \
	PG_FUNCTION_INFO_V1(NAME##_ge); \
	Datum NAME##_ge(PG_FUNCTION_ARGS) \
	{ PG_RETURN_BOOL(NAME##_cmp_datums(PG_GETARG_DATUM(0), PG_GETARG_DATUM(1)) >= 0); } \
	PG_FUNCTION_INFO_V1(NAME##_gt); \
	Datum NAME##_gt(PG_FUNCTION_ARGS) \
	{ PG_RETURN_BOOL(NAME##_cmp_datums(PG_GETARG_DATUM(0), PG_GETARG_DATUM(1)) > 0); } \
	PG_FUNCTION_INFO_V1(NAME##_hash); \
	Datum NAME##_hash(PG_FUNCTION_ARGS) \
	{ PG_RETURN_UINT32((uint32) NAME##_hash_datum(PG_GETARG_DATUM(0), 0)); } \
	PG_FUNCTION_INFO_V1(NAME##_hash_extended); \
	Datum NAME##_hash_extended(PG_FUNCTION_ARGS) \
	{ PG_RETURN_UINT64(NAME##_hash_datum(PG_GETARG_DATUM(0), (uint64) PG_GETARG_INT64(1))); } \
	PG_FUNCTION_INFO_V1(NAME##_smaller); \
	Datum NAME##_smaller(PG_FUNCTION_ARGS) \
	{ return NAME##_cmp_datums(PG_GETARG_DATUM(0), PG_GETARG_DATUM(1)) <= 0 ? PG_GETARG_DATUM(0) : PG_GETARG_DATUM(1); } \
	PG_FUNCTION_INFO_V1(NAME##_larger); \
	Datum NAME##_larger(PG_FUNCTION_ARGS) \
	{ return NAME##_cmp_datums(PG_GETARG_DATUM(0), PG_GETARG_DATUM(1)) >= 0 ? PG_GETARG_DATUM(0) : PG_GETARG_DATUM(1); } \
	static int NAME##_ssup_cmp(Datum a, Datum b, SortSupport ssup) \
	{ return NAME##_cmp_datums(a, b); } \
	PG_FUNCTION_INFO_V1(NAME##_sortsupport); \
	Datum NAME##_sortsupport(PG_FUNCTION_ARGS) \
	{ ((SortSupport) PG_GETARG_POINTER(0))->comparator = NAME##_ssup_cmp; PG_RETURN_VOID(); } \
	extern int no_such_symbol_##NAME	/* swallow the caller's semicolon */

#endif

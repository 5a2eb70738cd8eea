/*
 * outcome.h — helpers shared by the outcome glue (outcome.c and
 * outcome_timecourse.c).
 */
#ifndef MSC_OUTCOME_H
#define MSC_OUTCOME_H

#include "msc_pg.h"

#include "access/tupdesc.h"
#include "lib/stringinfo.h"

#include "../core/pain_score.h"

#define DatumGetPainScore(d)	((pain_score_t) DatumGetInt64(d))
#define PG_GETARG_PAIN_SCORE(n)	DatumGetPainScore(PG_GETARG_DATUM(n))

/* Version byte of every serialised outcome state. */
#define OUTCOME_STATE_VERSION 1

/* The aggregate's memory context; an error outside an aggregate. */

/*
 * The blessed tuple descriptor of the function's composite result, looked
 * up once per call site and kept in flinfo->fn_extra.
 */
TupleDesc	outcome_result_desc(FunctionCallInfo fcinfo);

/* A read-only StringInfo over a bytea (initReadOnlyStringInfo in 17+). */
void		outcome_read_bytea(StringInfo buf, bytea *b);

/* ERRCODE_INVALID_BINARY_REPRESENTATION: a serialised state is damaged. */
void		outcome_bad_state(const char *what) pg_attribute_noreturn();

/*
 * The instrument of the first score of a group, or the error for a score
 * on another instrument than the group's:
 *   "<what> cannot mix instruments nrs and vas in one group".
 */
void		outcome_mixed_instruments(const char *what, int code1, int code2,
									  const char *hint) pg_attribute_noreturn();

/* A stored score must be valid (ERRCODE_DATA_CORRUPTED otherwise). */
const pain_instrument *outcome_instrument(pain_score_t s);

#endif

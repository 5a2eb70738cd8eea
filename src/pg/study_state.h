/*
 * study_state.h — the transition state of the aggregates that need every
 * study of a group at once (meta_analysis, meta_mh, and the small-study
 * tests of bias_tests.c): the studies in columns, and up to two options
 * that every row must agree on.  They share meta_state_combine,
 * meta_state_serialize and meta_state_deserialize (meta_analysis.c).
 */
#ifndef STUDY_STATE_H
#define STUDY_STATE_H

#include "msc_pg.h"

#include "access/tupdesc.h"

#include "../core/stat_meta.h"

/*
 * The studies of one group, in columns (2 for yi/vi, 4 for a 2x2 table).
 * The first INLINE_STUDIES studies of every column live in the same chunk as
 * the header (one allocation per group, 256 bytes for yi/vi); a bigger group
 * moves its columns to arrays of their own.
 */
#define INLINE_STUDIES 12

typedef struct StudyState
{
	int32		k;
	int32		capacity;
	int32		ncols;
	int32		option1;		/* method, or MH measure; -1 while unset */
	int32		option2;		/* test; -1 while unset */
	double	   *col[4];
	double		inline_cols[FLEXIBLE_ARRAY_MEMBER];
} StudyState;

/* A state of ncols columns in cxt, no studies, options unset. */
StudyState *study_state_new(MemoryContext cxt, int ncols);

/* Make room for n more studies. */
void		study_state_reserve(StudyState *s, int n);

/* Record an option (what names it in the error); every row must agree. */
void		study_state_set_option(int32 *slot, int value, const char *what);

/* Check (as meta_analysis) and append one study of a 2-column state. */
void		study_state_add(StudyState *s, double yi, double vi);

/*
 * The 17 columns of a meta_result row: k, method, test, then the numbers
 * (NULL where undefined).  method and test are NULL when no row ever
 * reached the aggregate, so they are unknown.
 */
void		meta_result_values(const meta_result *r, const char *method, const char *test,
							   Datum *v, bool *n);

#endif

/*
 * registry.c — SQL glue of the registry's standard-deviation helpers
 * (sd_from_se, sd_from_ci), used by ctgov_import.
 */
#include "msc_pg.h"

#include "../core/registry_stat.h"

PG_FUNCTION_INFO_V1(registry_sd_from_se_sql);
Datum
registry_sd_from_se_sql(PG_FUNCTION_ARGS)
{
	double		sd;
	msc_error	err;

	if (!registry_sd_from_se(PG_GETARG_FLOAT8(0), (double) PG_GETARG_INT32(1), &sd, &err))
		msc_ereport(&err);
	PG_RETURN_FLOAT8(sd);
}

PG_FUNCTION_INFO_V1(registry_sd_from_ci_sql);
Datum
registry_sd_from_ci_sql(PG_FUNCTION_ARGS)
{
	double		sd;
	msc_error	err;

	if (!registry_sd_from_ci(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1), (double) PG_GETARG_INT32(2),
							 PG_GETARG_FLOAT8(3), &sd, &err))
		msc_ereport(&err);
	PG_RETURN_FLOAT8(sd);
}

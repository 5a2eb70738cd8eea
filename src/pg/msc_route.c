/*
 * msc_route.c — SQL type msc_route: one byte, passed by value, with its
 * CDISC term and NCI Thesaurus code.
 */
#include "msc_pg.h"
#include "byte_type.h"

#include "funcapi.h"
#include "utils/builtins.h"

#include "../core/msc_route.h"

static const char *
route_canonical(int code)
{
	return msc_route_info_of(code)->vocab.canonical;
}

MSC_BYTE_TYPE(msc_route, msc_route_parse, route_canonical,
			  msc_route_valid, MSC_ROUTE_COUNT);

static const msc_route_info *
route_arg(FunctionCallInfo fcinfo)
{
	return msc_route_info_of(msc_route_code_of(PG_GETARG_DATUM(0)));
}

PG_FUNCTION_INFO_V1(msc_route_label);
Datum
msc_route_label(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(route_arg(fcinfo)->vocab.label));
}

PG_FUNCTION_INFO_V1(msc_route_cdisc_term);
Datum
msc_route_cdisc_term(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(route_arg(fcinfo)->cdisc_term));
}

PG_FUNCTION_INFO_V1(msc_route_nci_code);
Datum
msc_route_nci_code(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(route_arg(fcinfo)->nci_code));
}

PG_FUNCTION_INFO_V1(msc_route_is_systemic);
Datum
msc_route_is_systemic(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(route_arg(fcinfo)->systemic);
}

/* msc_routes(): one row per route with its codes and synonyms. */
PG_FUNCTION_INFO_V1(msc_route_catalogue);
Datum
msc_route_catalogue(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (int code = 1; code < MSC_ROUTE_COUNT; code++)
	{
		const msc_route_info *r = msc_route_info_of(code);
		Datum		values[6];
		bool		nulls[6] = {false, false, false, false, false, false};

		values[0] = PointerGetDatum(cstring_to_text(r->vocab.label));
		values[1] = UInt8GetDatum((uint8) code);
		values[2] = PointerGetDatum(cstring_to_text(r->cdisc_term));
		values[3] = PointerGetDatum(cstring_to_text(r->nci_code));
		values[4] = BoolGetDatum(r->systemic);
		values[5] = msc_text_array(r->vocab.synonyms);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

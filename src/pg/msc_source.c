/*
 * msc_source.c — SQL type msc_source: one byte, passed by value.
 */
#include "msc_pg.h"
#include "byte_type.h"

#include "funcapi.h"
#include "utils/builtins.h"

#include "../core/msc_source.h"

static const char *
source_canonical(int code)
{
	return msc_source_entry(code)->canonical;
}

MSC_BYTE_TYPE(msc_source, msc_source_parse, source_canonical,
			  msc_source_valid, MSC_SOURCE_COUNT);

PG_FUNCTION_INFO_V1(msc_source_label);
Datum
msc_source_label(PG_FUNCTION_ARGS)
{
	uint8		code = msc_source_code_of(PG_GETARG_DATUM(0));

	PG_RETURN_TEXT_P(cstring_to_text(msc_source_entry(code)->label));
}

/* msc_sources(): one row per source with its label and synonyms. */
PG_FUNCTION_INFO_V1(msc_source_catalogue);
Datum
msc_source_catalogue(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (int code = 1; code < MSC_SOURCE_COUNT; code++)
	{
		const msc_vocab_entry *e = msc_source_entry(code);
		Datum		values[3];
		bool		nulls[3] = {false, false, false};

		values[0] = PointerGetDatum(cstring_to_text(e->label));
		values[1] = UInt8GetDatum((uint8) code);
		values[2] = msc_text_array(e->synonyms);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

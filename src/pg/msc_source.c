/*
 * msc_source.c — SQL type msc_source: one byte, passed by value.
 */
#include "msc_pg.h"

#include "common/hashfn.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "../core/msc_source.h"

#define DatumGetMscSource(d)	DatumGetUInt8(d)
#define MscSourceGetDatum(c)	UInt8GetDatum(c)

static int
msc_source_cmp_datums(Datum a, Datum b)
{
	uint8		x = DatumGetMscSource(a);
	uint8		y = DatumGetMscSource(b);

	return (x > y) - (x < y);
}

static uint64
msc_source_hash_datum(Datum a, uint64 seed)
{
	return hash_bytes_uint32_extended(DatumGetMscSource(a), seed);
}

MSC_ORDERED_TYPE_FUNCTIONS(msc_source);

/* The vocabulary entry of a stored value; a corrupt byte is an error. */
static const msc_vocab_entry *
source_entry(uint8 code)
{
	const msc_vocab_entry *e = msc_source_entry(code);

	if (e == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid msc_source code %u", code)));
	return e;
}

PG_FUNCTION_INFO_V1(msc_source_in);
Datum
msc_source_in(PG_FUNCTION_ARGS)
{
	const char *s = PG_GETARG_CSTRING(0);
	uint8_t		code;
	msc_error	err;

	if (!msc_source_parse(s, strlen(s), &code, &err))
	{
		msc_input_error(fcinfo, &err);
		PG_RETURN_NULL();
	}
	PG_RETURN_DATUM(MscSourceGetDatum(code));
}

PG_FUNCTION_INFO_V1(msc_source_out);
Datum
msc_source_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(pstrdup(source_entry(DatumGetMscSource(PG_GETARG_DATUM(0)))->canonical));
}

/* Binary form: the one-byte code (codes never change meaning). */
PG_FUNCTION_INFO_V1(msc_source_recv);
Datum
msc_source_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			code = pq_getmsgbyte(buf);

	if (!msc_source_valid(code))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid msc_source code %d in binary input", code),
				 errhint("Codes run from 1 to %d.", MSC_SOURCE_COUNT - 1)));
	PG_RETURN_DATUM(MscSourceGetDatum((uint8) code));
}

PG_FUNCTION_INFO_V1(msc_source_send);
Datum
msc_source_send(PG_FUNCTION_ARGS)
{
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, DatumGetMscSource(PG_GETARG_DATUM(0)));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(msc_source_label);
Datum
msc_source_label(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(source_entry(DatumGetMscSource(PG_GETARG_DATUM(0)))->label));
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
		int			nsyn = 0;
		Datum	   *syn;

		while (e->synonyms[nsyn])
			nsyn++;
		syn = palloc(sizeof(Datum) * nsyn);
		for (int i = 0; i < nsyn; i++)
			syn[i] = PointerGetDatum(cstring_to_text(e->synonyms[i]));
		values[0] = PointerGetDatum(cstring_to_text(e->label));
		values[1] = MscSourceGetDatum((uint8) code);
		values[2] = PointerGetDatum(construct_array(syn, nsyn, TEXTOID, -1, false, TYPALIGN_INT));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

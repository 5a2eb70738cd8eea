/*
 * pain_score.c — SQL type pain_score: one score on a named instrument,
 * 8 bytes passed by value ((instrument code << 32) | value in thousandths).
 * The optional type modifier pain_score(<instrument>) holds the instrument
 * code and restricts a column to that instrument.
 */
#include "msc_pg.h"

#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "../core/pain_score.h"

#define DatumGetPainScore(d)	((pain_score_t) DatumGetInt64(d))
#define PainScoreGetDatum(s)	Int64GetDatum((int64) (s))
#define PG_GETARG_PAIN_SCORE(n)	DatumGetPainScore(PG_GETARG_DATUM(n))

/* Version byte of the binary form. */
#define PAIN_SCORE_BINARY_VERSION 1

static int
pain_score_cmp_datums(Datum a, Datum b)
{
	pain_score_t x = DatumGetPainScore(a);
	pain_score_t y = DatumGetPainScore(b);

	return (x > y) - (x < y);
}

static uint64
pain_score_hash_datum(Datum a, uint64 seed)
{
	uint64		v = (uint64) DatumGetPainScore(a);

	return hash_bytes_uint32_extended((uint32) (v ^ (v >> 32)), seed);
}

MSC_ORDERED_TYPE_FUNCTIONS(pain_score);

/* The instrument of a stored value; a corrupt value is an error. */
static const pain_instrument *
score_instrument(pain_score_t s)
{
	if (!pain_score_valid(s))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid pain_score value %lld", (long long) s)));
	return pain_instrument_by_code(pain_score_code(s));
}

/* A numeric Datum for a value in thousandths, written minimally ("45.5"). */
static Datum
thousandths_numeric(uint32 v)
{
	char		buf[32];

	pain_format_thousandths(v, buf, sizeof(buf));
	return DirectFunctionCall3(numeric_in, CStringGetDatum(buf),
							   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
}

PG_FUNCTION_INFO_V1(pain_score_in);
Datum
pain_score_in(PG_FUNCTION_ARGS)
{
	const char *str = PG_GETARG_CSTRING(0);
	int32		typmod = PG_NARGS() > 2 ? PG_GETARG_INT32(2) : -1;
	pain_score_t s;
	msc_error	err;

	if (!pain_score_parse(str, strlen(str), &s, &err) ||
		!pain_score_check_typmod(s, typmod, &err))
	{
		msc_input_error(fcinfo, &err);
		PG_RETURN_NULL();
	}
	PG_RETURN_DATUM(PainScoreGetDatum(s));
}

PG_FUNCTION_INFO_V1(pain_score_out);
Datum
pain_score_out(PG_FUNCTION_ARGS)
{
	pain_score_t s = PG_GETARG_PAIN_SCORE(0);
	char		buf[PAIN_SCORE_TEXT_MAX];

	score_instrument(s);
	pain_score_format(s, buf, sizeof(buf));
	PG_RETURN_CSTRING(pstrdup(buf));
}

/*
 * Binary form: version byte (1), instrument code byte, value in thousandths
 * as a 4-byte integer in network order.
 */
PG_FUNCTION_INFO_V1(pain_score_recv);
Datum
pain_score_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int32		typmod = PG_NARGS() > 2 ? PG_GETARG_INT32(2) : -1;
	int			version = pq_getmsgbyte(buf);
	int			code;
	uint32		value;
	const pain_instrument *in;
	pain_score_t s;
	msc_error	err;

	if (version != PAIN_SCORE_BINARY_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("unsupported pain_score binary format version %d", version),
				 errhint("This version of msc_registry reads version %d.",
						 PAIN_SCORE_BINARY_VERSION)));
	code = pq_getmsgbyte(buf);
	in = pain_instrument_by_code(code);
	if (in == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid pain_score instrument code %d in binary input", code),
				 errhint("Codes run from 1 to %d.", PAIN_INSTRUMENT_COUNT - 1)));
	value = (uint32) pq_getmsgint(buf, 4);
	if (value < in->min || value > in->max)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("pain_score value %u thousandths is out of range for %s in binary input",
						value, in->name),
				 errhint("%s runs from %u to %u thousandths.", in->name, in->min, in->max)));
	s = pain_score_pack(code, value);
	if (!pain_score_check_typmod(s, typmod, &err))
		msc_ereport(&err);
	PG_RETURN_DATUM(PainScoreGetDatum(s));
}

PG_FUNCTION_INFO_V1(pain_score_send);
Datum
pain_score_send(PG_FUNCTION_ARGS)
{
	pain_score_t s = PG_GETARG_PAIN_SCORE(0);
	StringInfoData buf;

	score_instrument(s);
	pq_begintypsend(&buf);
	pq_sendbyte(&buf, PAIN_SCORE_BINARY_VERSION);
	pq_sendbyte(&buf, (uint8) pain_score_code(s));
	pq_sendint32(&buf, pain_score_value(s));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* pain_score(<instrument>): the modifier is the instrument code. */
PG_FUNCTION_INFO_V1(pain_score_typmod_in);
Datum
pain_score_typmod_in(PG_FUNCTION_ARGS)
{
	ArrayType  *ta = PG_GETARG_ARRAYTYPE_P(0);
	Datum	   *elems;
	bool	   *nulls;
	int			n;
	const char **items;
	int32		typmod;
	msc_error	err;

	if (ARR_ELEMTYPE(ta) != CSTRINGOID || ARR_NDIM(ta) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("type modifier of pain_score must be a simple list of names")));
	deconstruct_array(ta, CSTRINGOID, -2, false, TYPALIGN_CHAR, &elems, &nulls, &n);
	items = palloc(sizeof(char *) * (n > 0 ? n : 1));
	for (int i = 0; i < n; i++)
	{
		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("type modifier of pain_score cannot be null")));
		items[i] = DatumGetCString(elems[i]);
	}
	if (!pain_score_typmod_parse(items, n, &typmod, &err))
		msc_ereport(&err);
	PG_RETURN_INT32(typmod);
}

PG_FUNCTION_INFO_V1(pain_score_typmod_out);
Datum
pain_score_typmod_out(PG_FUNCTION_ARGS)
{
	int32		typmod = PG_GETARG_INT32(0);
	const pain_instrument *in = pain_instrument_by_code(typmod);

	if (typmod < 0)
		PG_RETURN_CSTRING(pstrdup(""));
	if (in == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid pain_score type modifier %d", typmod)));
	PG_RETURN_CSTRING(psprintf("(%s)", in->name));
}

/* pain_score(pain_score, integer, boolean): the cast that applies a typmod. */
PG_FUNCTION_INFO_V1(pain_score_enforce_typmod);
Datum
pain_score_enforce_typmod(PG_FUNCTION_ARGS)
{
	pain_score_t s = PG_GETARG_PAIN_SCORE(0);
	int32		typmod = PG_GETARG_INT32(1);
	msc_error	err;

	if (!pain_score_check_typmod(s, typmod, &err))
		msc_ereport(&err);
	PG_RETURN_DATUM(PainScoreGetDatum(s));
}

/* pain_score(instrument text, value numeric) */
PG_FUNCTION_INFO_V1(pain_score_make_sql);
Datum
pain_score_make_sql(PG_FUNCTION_ARGS)
{
	text	   *instrument = PG_GETARG_TEXT_PP(0);
	char	   *num = DatumGetCString(DirectFunctionCall1(numeric_out, PG_GETARG_DATUM(1)));
	pain_score_t s;
	msc_error	err;

	if (!pain_score_make(VARDATA_ANY(instrument), VARSIZE_ANY_EXHDR(instrument),
						 num, strlen(num), &s, &err))
		msc_ereport(&err);
	PG_RETURN_DATUM(PainScoreGetDatum(s));
}

PG_FUNCTION_INFO_V1(pain_score_instrument);
Datum
pain_score_instrument(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(score_instrument(PG_GETARG_PAIN_SCORE(0))->name));
}

PG_FUNCTION_INFO_V1(pain_score_score);
Datum
pain_score_score(PG_FUNCTION_ARGS)
{
	pain_score_t s = PG_GETARG_PAIN_SCORE(0);

	score_instrument(s);
	PG_RETURN_DATUM(thousandths_numeric(pain_score_value(s)));
}

PG_FUNCTION_INFO_V1(pain_score_severity_sql);
Datum
pain_score_severity_sql(PG_FUNCTION_ARGS)
{
	pain_score_t s = PG_GETARG_PAIN_SCORE(0);

	score_instrument(s);
	PG_RETURN_FLOAT8(pain_score_severity(s));
}

PG_FUNCTION_INFO_V1(pain_score_rescale_sql);
Datum
pain_score_rescale_sql(PG_FUNCTION_ARGS)
{
	pain_score_t s = PG_GETARG_PAIN_SCORE(0);
	text	   *instrument = PG_GETARG_TEXT_PP(1);
	pain_score_t r;
	msc_error	err;

	score_instrument(s);
	if (!pain_score_rescale(s, VARDATA_ANY(instrument), VARSIZE_ANY_EXHDR(instrument),
							&r, &err))
		msc_ereport(&err);
	PG_RETURN_DATUM(PainScoreGetDatum(r));
}

/* pain_instruments(): one row per instrument, in code order. */
PG_FUNCTION_INFO_V1(pain_score_catalogue);
Datum
pain_score_catalogue(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (int code = 1; code < PAIN_INSTRUMENT_COUNT; code++)
	{
		const pain_instrument *in = pain_instrument_by_code(code);
		Datum		values[8];
		bool		nulls[8] = {false, false, false, false, false, false, false, false};

		values[0] = PointerGetDatum(cstring_to_text(in->name));
		values[1] = PointerGetDatum(cstring_to_text(in->label));
		values[2] = thousandths_numeric(in->min);
		values[3] = thousandths_numeric(in->max);
		values[4] = BoolGetDatum(in->higher_is_worse);
		values[5] = PointerGetDatum(cstring_to_text(in->unit_name));
		if (in->has_mcid)
		{
			values[6] = thousandths_numeric(in->mcid);
			values[7] = PointerGetDatum(cstring_to_text(in->mcid_source));
		}
		else
		{
			values[6] = values[7] = (Datum) 0;
			nulls[6] = nulls[7] = true;
		}
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

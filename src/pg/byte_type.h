/*
 * byte_type.h — glue shared by the one-byte, pass-by-value vocabulary
 * types (msc_source, msc_route): text and binary I/O, comparison and
 * hashing of the stable code.
 *
 * MSC_BYTE_TYPE(NAME, PARSE, CANONICAL_OF, VALID, COUNT) needs
 *     bool PARSE(const char *, size_t, uint8_t *, msc_error *);
 *     const char *CANONICAL_OF(int code);   (NULL for an invalid code)
 *     bool VALID(int code);
 * and defines NAME_in, NAME_out, NAME_recv, NAME_send and the ordered-type
 * functions, plus static NAME_code_of(Datum) that rejects a corrupt byte.
 */
#ifndef MSC_BYTE_TYPE_H
#define MSC_BYTE_TYPE_H

#include "msc_pg.h"

#include "common/hashfn.h"
#include "libpq/pqformat.h"

#define MSC_BYTE_TYPE(NAME, PARSE, CANONICAL_OF, VALID, COUNT) \
	static uint8 \
	NAME##_code_of(Datum d) \
	{ \
		uint8		code = DatumGetUInt8(d); \
		if (!VALID(code)) \
			ereport(ERROR, \
					(errcode(ERRCODE_DATA_CORRUPTED), \
					 errmsg("invalid " #NAME " code %u", code))); \
		return code; \
	} \
	static int \
	NAME##_cmp_datums(Datum a, Datum b) \
	{ \
		uint8		x = DatumGetUInt8(a); \
		uint8		y = DatumGetUInt8(b); \
		return (x > y) - (x < y); \
	} \
	static uint64 \
	NAME##_hash_datum(Datum a, uint64 seed) \
	{ \
		return hash_bytes_uint32_extended(DatumGetUInt8(a), seed); \
	} \
	MSC_ORDERED_TYPE_FUNCTIONS(NAME); \
	PG_FUNCTION_INFO_V1(NAME##_in); \
	Datum \
	NAME##_in(PG_FUNCTION_ARGS) \
	{ \
		const char *s = PG_GETARG_CSTRING(0); \
		uint8_t		code; \
		msc_error	err; \
		if (!PARSE(s, strlen(s), &code, &err)) \
		{ \
			msc_input_error(fcinfo, &err); \
			PG_RETURN_NULL(); \
		} \
		PG_RETURN_DATUM(UInt8GetDatum(code)); \
	} \
	PG_FUNCTION_INFO_V1(NAME##_out); \
	Datum \
	NAME##_out(PG_FUNCTION_ARGS) \
	{ \
		PG_RETURN_CSTRING(pstrdup(CANONICAL_OF(NAME##_code_of(PG_GETARG_DATUM(0))))); \
	} \
	/* Binary form: the one-byte code (codes never change meaning). */ \
	PG_FUNCTION_INFO_V1(NAME##_recv); \
	Datum \
	NAME##_recv(PG_FUNCTION_ARGS) \
	{ \
		StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0); \
		int			code = pq_getmsgbyte(buf); \
		if (!VALID(code)) \
			ereport(ERROR, \
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION), \
					 errmsg("invalid " #NAME " code %d in binary input", code), \
					 errhint("Codes run from 1 to %d.", (COUNT) - 1))); \
		PG_RETURN_DATUM(UInt8GetDatum((uint8) code)); \
	} \
	PG_FUNCTION_INFO_V1(NAME##_send); \
	Datum \
	NAME##_send(PG_FUNCTION_ARGS) \
	{ \
		StringInfoData buf; \
		pq_begintypsend(&buf); \
		pq_sendbyte(&buf, NAME##_code_of(PG_GETARG_DATUM(0))); \
		PG_RETURN_BYTEA_P(pq_endtypsend(&buf)); \
	} \
	extern int no_such_symbol_io_##NAME	/* swallow the caller's semicolon */

#endif

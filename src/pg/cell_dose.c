/*
 * cell_dose.c — SQL type cell_dose: a number of cells, absolute or per
 * kilogram of body weight, 16 bytes passed by reference.
 *
 * Numbers handed to SQL are built exactly: the stored mantissa and
 * exponent are written as "<mantissa>e<exponent>" and read by numeric_in,
 * never through floating point.
 */
#include "msc_pg.h"

#include "common/hashfn.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/numeric.h"

#include "../core/cell_dose.h"

StaticAssertDecl(sizeof(msc_cell_dose) == 16, "cell_dose must be 16 bytes");

/* Version byte of the binary form. */
#define CELL_DOSE_BINARY_VERSION 1
/* Its length: version, flags, mantissa, exponent. */
#define CELL_DOSE_BINARY_LENGTH (1 + 1 + 8 + 2)

/* Body weights total_cells() accepts, in kg. */
#define MAX_BODY_WEIGHT_KG 700

#define DatumGetCellDose(d)		((const msc_cell_dose *) DatumGetPointer(d))
#define PG_GETARG_CELL_DOSE(n)	DatumGetCellDose(PG_GETARG_DATUM(n))

static int
cell_dose_cmp_datums(Datum a, Datum b)
{
	return msc_cell_dose_cmp(DatumGetCellDose(a), DatumGetCellDose(b));
}

/* The canonical form makes equal doses byte-identical: hash the bytes. */
static uint64
cell_dose_hash_datum(Datum a, uint64 seed)
{
	return hash_bytes_extended((const unsigned char *) DatumGetPointer(a),
							   sizeof(msc_cell_dose), seed);
}

MSC_ORDERED_TYPE_FUNCTIONS(cell_dose);

/* A stored value that fails its check is corrupt: say so, do not guess. */
static const msc_cell_dose *
checked(const msc_cell_dose *d)
{
	msc_error	err;

	if (!msc_cell_dose_check(d, &err))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid stored cell_dose"),
				 errdetail("%s", err.message)));
	return d;
}

/* The dose's number of cells (or cells/kg) as an exact numeric. */
static Datum
dose_numeric(const msc_cell_dose *d)
{
	char		buf[MSC_CELL_DOSE_TEXT_MAX];

	msc_cell_dose_number_text(checked(d), buf, sizeof(buf));
	return DirectFunctionCall3(numeric_in, CStringGetDatum(buf),
							   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
}

PG_FUNCTION_INFO_V1(cell_dose_in);
Datum
cell_dose_in(PG_FUNCTION_ARGS)
{
	const char *s = PG_GETARG_CSTRING(0);
	msc_cell_dose *d = palloc0(sizeof(msc_cell_dose));
	msc_error	err;

	if (!msc_cell_dose_parse(s, strlen(s), d, &err))
	{
		msc_input_error(fcinfo, &err);
		PG_RETURN_NULL();
	}
	PG_RETURN_POINTER(d);
}

PG_FUNCTION_INFO_V1(cell_dose_out);
Datum
cell_dose_out(PG_FUNCTION_ARGS)
{
	char	   *buf = palloc(MSC_CELL_DOSE_TEXT_MAX);

	msc_cell_dose_format(checked(PG_GETARG_CELL_DOSE(0)), buf, MSC_CELL_DOSE_TEXT_MAX);
	PG_RETURN_CSTRING(buf);
}

/*
 * Binary form: version byte 1, flags byte, int64 mantissa, int16 exponent,
 * in network order.  Everything is checked: only a canonical, in-range
 * value is accepted.
 */
PG_FUNCTION_INFO_V1(cell_dose_recv);
Datum
cell_dose_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			version;
	msc_cell_dose *d;
	msc_error	err;

	if (buf->len - buf->cursor != CELL_DOSE_BINARY_LENGTH)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid cell_dose in binary input"),
				 errdetail("The input is %d bytes; the binary form of cell_dose is %d bytes.",
						   buf->len - buf->cursor, CELL_DOSE_BINARY_LENGTH)));
	version = pq_getmsgbyte(buf);
	if (version != CELL_DOSE_BINARY_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("unsupported binary format version %d of cell_dose", version),
				 errhint("Version %d is the only one supported.", CELL_DOSE_BINARY_VERSION)));
	d = palloc0(sizeof(msc_cell_dose));
	d->flags = (uint8) pq_getmsgbyte(buf);
	d->mantissa = pq_getmsgint64(buf);
	d->exponent = (int16) pq_getmsgint(buf, 2);
	if (!msc_cell_dose_check(d, &err))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid cell_dose in binary input"),
				 errdetail("%s", err.message)));
	PG_RETURN_POINTER(d);
}

PG_FUNCTION_INFO_V1(cell_dose_send);
Datum
cell_dose_send(PG_FUNCTION_ARGS)
{
	const msc_cell_dose *d = checked(PG_GETARG_CELL_DOSE(0));
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, CELL_DOSE_BINARY_VERSION);
	pq_sendbyte(&buf, d->flags);
	pq_sendint64(&buf, d->mantissa);
	pq_sendint16(&buf, (uint16) d->exponent);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* cells(d): the number of cells of an absolute dose, NULL for a per-kg dose. */
PG_FUNCTION_INFO_V1(cell_dose_cells);
Datum
cell_dose_cells(PG_FUNCTION_ARGS)
{
	const msc_cell_dose *d = PG_GETARG_CELL_DOSE(0);

	if (msc_cell_dose_is_per_kg(d))
		PG_RETURN_NULL();
	PG_RETURN_DATUM(dose_numeric(d));
}

/* per_kg(d): cells per kg of a per-kg dose, NULL for an absolute dose. */
PG_FUNCTION_INFO_V1(cell_dose_per_kg);
Datum
cell_dose_per_kg(PG_FUNCTION_ARGS)
{
	const msc_cell_dose *d = PG_GETARG_CELL_DOSE(0);

	if (!msc_cell_dose_is_per_kg(d))
		PG_RETURN_NULL();
	PG_RETURN_DATUM(dose_numeric(d));
}

PG_FUNCTION_INFO_V1(cell_dose_is_per_kg);
Datum
cell_dose_is_per_kg(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(msc_cell_dose_is_per_kg(checked(PG_GETARG_CELL_DOSE(0))));
}

/*
 * total_cells(d, weight_kg): an absolute dose's count, or a per-kg dose
 * times the body weight, exactly.  The weight is checked in both cases.
 */
PG_FUNCTION_INFO_V1(cell_dose_total_cells);
Datum
cell_dose_total_cells(PG_FUNCTION_ARGS)
{
	const msc_cell_dose *d = PG_GETARG_CELL_DOSE(0);
	Datum		weight = PG_GETARG_DATUM(1);
	Numeric		w = DatumGetNumeric(weight);

	if (numeric_is_nan(w) || numeric_is_inf(w) ||
		DatumGetInt32(DirectFunctionCall2(numeric_cmp, weight,
										  NumericGetDatum(int64_to_numeric(0)))) <= 0 ||
		DatumGetInt32(DirectFunctionCall2(numeric_cmp, weight,
										  NumericGetDatum(int64_to_numeric(MAX_BODY_WEIGHT_KG)))) > 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid body weight for total_cells: \"%s\" kg",
						DatumGetCString(DirectFunctionCall1(numeric_out, weight))),
				 errdetail("A body weight is more than 0 and at most %d kg.", MAX_BODY_WEIGHT_KG),
				 errhint("Pass the participant's body weight in kilograms, as in total_cells('2e6 cells/kg', 70).")));
	if (!msc_cell_dose_is_per_kg(d))
		PG_RETURN_DATUM(dose_numeric(d));
	PG_RETURN_DATUM(DirectFunctionCall2(numeric_mul, dose_numeric(d), weight));
}

/* cell_dose(cells numeric, per_kg boolean): the constructor. */
PG_FUNCTION_INFO_V1(cell_dose_make);
Datum
cell_dose_make(PG_FUNCTION_ARGS)
{
	const char *s = DatumGetCString(DirectFunctionCall1(numeric_out, PG_GETARG_DATUM(0)));
	bool		per_kg = PG_GETARG_BOOL(1);
	msc_cell_dose *d = palloc0(sizeof(msc_cell_dose));
	msc_error	err;

	if (!msc_cell_dose_from_decimal(s, strlen(s), per_kg, d, &err))
		msc_ereport(&err);
	PG_RETURN_POINTER(d);
}

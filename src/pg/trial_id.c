/*
 * trial_id.c — SQL type trial_id: a clinical trial registry identifier,
 * stored as its canonical text in a varlena.  Ordering and equality are
 * byte comparisons of that text; the registry is re-derived from it.
 */
#include "msc_pg.h"

#include "catalog/pg_type_d.h"
#include "common/hashfn.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/hsearch.h"
#include "utils/lsyscache.h"

#include "../core/trial_id.h"

/* Binary format version sent first by trial_id_send. */
#define TRIAL_ID_BINARY_VERSION 1

/* trial_ids_in() scans this many bytes between interrupt checks. */
#define TRIAL_ID_SCAN_SLICE (1024 * 1024)

/* trial_ids_in() looks duplicates up in a hash table beyond this many. */
#define TRIAL_ID_LINEAR_DEDUP 16

static int
trial_id_cmp_datums(Datum a, Datum b)
{
	struct varlena *x = PG_DETOAST_DATUM_PACKED(a);
	struct varlena *y = PG_DETOAST_DATUM_PACKED(b);
	size_t		lx = VARSIZE_ANY_EXHDR(x);
	size_t		ly = VARSIZE_ANY_EXHDR(y);
	int			c = memcmp(VARDATA_ANY(x), VARDATA_ANY(y), Min(lx, ly));

	c = c != 0 ? (c < 0 ? -1 : 1) : (lx > ly) - (lx < ly);
	if ((Pointer) x != DatumGetPointer(a))
		pfree(x);
	if ((Pointer) y != DatumGetPointer(b))
		pfree(y);
	return c;
}

static uint64
trial_id_hash_datum(Datum a, uint64 seed)
{
	struct varlena *x = PG_DETOAST_DATUM_PACKED(a);
	uint64		h = hash_bytes_extended((const unsigned char *) VARDATA_ANY(x),
									   (int) VARSIZE_ANY_EXHDR(x), seed);

	if ((Pointer) x != DatumGetPointer(a))
		pfree(x);
	return h;
}

MSC_ORDERED_TYPE_FUNCTIONS(trial_id);

/* A trial_id value holding the canonical text s (n bytes). */
static Datum
trial_id_datum(const char *s, size_t n)
{
	struct varlena *v = (struct varlena *) palloc(VARHDRSZ + n);

	SET_VARSIZE(v, VARHDRSZ + n);
	memcpy(VARDATA(v), s, n);
	return PointerGetDatum(v);
}

/* The registry of a stored value; a corrupt value is an error. */
static const trial_registry_info *
stored_registry(struct varlena *x)
{
	const char *s = VARDATA_ANY(x);
	size_t		n = VARSIZE_ANY_EXHDR(x);
	const trial_registry_info *e = trial_registry_entry(trial_id_registry(s, n));

	if (e == NULL)
	{
		char		quoted[MSC_QUOTE_MAX * 4 + 8];

		msc_quote(quoted, sizeof(quoted), s, n);
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid stored trial_id \"%s\"", quoted)));
	}
	return e;
}

PG_FUNCTION_INFO_V1(trial_id_in);
Datum
trial_id_in(PG_FUNCTION_ARGS)
{
	const char *s = PG_GETARG_CSTRING(0);
	char		canon[TRIAL_ID_CANON_MAX];
	size_t		n;
	int			registry;
	msc_error	err;

	if (!trial_id_parse(s, strlen(s), canon, &n, &registry, &err))
	{
		msc_input_error(fcinfo, &err);
		PG_RETURN_NULL();
	}
	PG_RETURN_DATUM(trial_id_datum(canon, n));
}

PG_FUNCTION_INFO_V1(trial_id_out);
Datum
trial_id_out(PG_FUNCTION_ARGS)
{
	struct varlena *x = PG_GETARG_VARLENA_PP(0);

	PG_RETURN_CSTRING(pnstrdup(VARDATA_ANY(x), VARSIZE_ANY_EXHDR(x)));
}

/*
 * Binary form: the version byte 1, then the canonical text.  The text is
 * checked by the parser and must already be canonical.
 */
PG_FUNCTION_INFO_V1(trial_id_recv);
Datum
trial_id_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			version = pq_getmsgbyte(buf);
	int			n;
	const char *s;

	if (version != TRIAL_ID_BINARY_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("unsupported trial_id binary format version %d", version),
				 errhint("Version %d is the only one known.", TRIAL_ID_BINARY_VERSION)));
	n = buf->len - buf->cursor;
	s = pq_getmsgbytes(buf, n);
	if (trial_id_registry(s, (size_t) n) == TRIAL_REG_INVALID)
	{
		char		quoted[MSC_QUOTE_MAX * 4 + 8];
		char		canon[TRIAL_ID_CANON_MAX];
		size_t		cn;
		int			registry;
		msc_error	err;
		bool		parses = n <= TRIAL_ID_MAX_INPUT
			&& trial_id_parse(s, (size_t) n, canon, &cn, &registry, &err);

		msc_quote(quoted, sizeof(quoted), s, (size_t) n);
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid trial_id \"%s\" in binary input", quoted),
				 parses ? errdetail("The binary form carries the canonical text, here %s.", canon)
				 : errdetail("The text is not a registry identifier.")));
	}
	PG_RETURN_DATUM(trial_id_datum(s, (size_t) n));
}

PG_FUNCTION_INFO_V1(trial_id_send);
Datum
trial_id_send(PG_FUNCTION_ARGS)
{
	struct varlena *x = PG_GETARG_VARLENA_PP(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, TRIAL_ID_BINARY_VERSION);
	pq_sendbytes(&buf, VARDATA_ANY(x), (int) VARSIZE_ANY_EXHDR(x));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(trial_id_registry_name);
Datum
trial_id_registry_name(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(stored_registry(PG_GETARG_VARLENA_PP(0))->name));
}

PG_FUNCTION_INFO_V1(trial_id_url_of);
Datum
trial_id_url_of(PG_FUNCTION_ARGS)
{
	struct varlena *x = PG_GETARG_VARLENA_PP(0);
	char		url[TRIAL_ID_URL_MAX];

	if (stored_registry(x)->url_prefix == NULL)
		PG_RETURN_NULL();
	if (!trial_id_url(VARDATA_ANY(x), VARSIZE_ANY_EXHDR(x), url, sizeof(url)))
		elog(ERROR, "URL of trial_id does not fit");
	PG_RETURN_TEXT_P(cstring_to_text(url));
}

typedef struct seen_key
{
	char		canon[TRIAL_ID_CANON_MAX];	/* zero-padded */
} seen_key;

/*
 * trial_ids_in(text): every identifier of the text, canonical, in order of
 * first mention, each once; an empty array when there is none.
 */
PG_FUNCTION_INFO_V1(trial_ids_in_text);
Datum
trial_ids_in_text(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	const char *s = VARDATA_ANY(t);
	size_t		len = VARSIZE_ANY_EXHDR(t);
	Oid			elemtype = get_element_type(get_func_rettype(fcinfo->flinfo->fn_oid));
	size_t		pos = 0;
	int			nids = 0,
				cap = 8;
	Datum	   *ids = palloc(sizeof(Datum) * cap);
	seen_key   *keys = palloc0(sizeof(seen_key) * TRIAL_ID_LINEAR_DEDUP);
	HTAB	   *seen = NULL;

	if (!OidIsValid(elemtype))
		elog(ERROR, "trial_ids_in must return an array of trial_id");
	while (pos < len)
	{
		size_t		stop = len - pos > TRIAL_ID_SCAN_SLICE ? pos + TRIAL_ID_SCAN_SLICE : len;
		seen_key	key;
		size_t		n,
					start;
		int			registry;

		CHECK_FOR_INTERRUPTS();
		while (trial_id_next(s, len, &pos, stop, key.canon, &n, &registry, &start))
		{
			bool		dup = false;

			memset(key.canon + n, 0, sizeof(key.canon) - n);
			if (seen != NULL)
				hash_search(seen, &key, HASH_ENTER, &dup);
			else
			{
				for (int i = 0; i < nids && !dup; i++)
					dup = memcmp(keys[i].canon, key.canon, sizeof(key.canon)) == 0;
				if (!dup && nids < TRIAL_ID_LINEAR_DEDUP)
					keys[nids] = key;
				else if (!dup)
				{
					HASHCTL		ctl;

					ctl.keysize = sizeof(seen_key);
					ctl.entrysize = sizeof(seen_key);
					ctl.hcxt = CurrentMemoryContext;
					seen = hash_create("trial_ids_in", 4 * TRIAL_ID_LINEAR_DEDUP, &ctl,
									   HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
					for (int i = 0; i < nids; i++)
						hash_search(seen, &keys[i], HASH_ENTER, NULL);
					hash_search(seen, &key, HASH_ENTER, NULL);
				}
			}
			if (dup)
				continue;
			if (nids == cap)
			{
				cap *= 2;
				ids = repalloc(ids, sizeof(Datum) * cap);
			}
			ids[nids++] = trial_id_datum(key.canon, n);
		}
	}
	if (seen != NULL)
		hash_destroy(seen);
	if (nids == 0)
		PG_RETURN_ARRAYTYPE_P(construct_empty_array(elemtype));
	PG_RETURN_ARRAYTYPE_P(construct_array(ids, nids, elemtype, -1, false, TYPALIGN_INT));
}

/* trial_registries(): one row per registry with its format and URL. */
PG_FUNCTION_INFO_V1(trial_id_registries);
Datum
trial_id_registries(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (int code = 1; code < TRIAL_REG_COUNT; code++)
	{
		const trial_registry_info *e = trial_registry_entry(code);
		Datum		values[5];
		bool		nulls[5] = {false, false, false, false, false};

		values[0] = PointerGetDatum(cstring_to_text(e->name));
		values[1] = PointerGetDatum(cstring_to_text(e->full_name));
		values[2] = PointerGetDatum(cstring_to_text(e->format));
		values[3] = trial_id_datum(e->example, strlen(e->example));
		if (e->url_prefix)
			values[4] = PointerGetDatum(cstring_to_text(psprintf("%s{id}%s", e->url_prefix,
																 e->url_suffix ? e->url_suffix : "")));
		else
			nulls[4] = true;
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

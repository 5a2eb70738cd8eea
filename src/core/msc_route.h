/*
 * msc_route.h — route of administration of an MSC product, with its
 * CDISC/FDA route term and NCI Thesaurus code.
 *
 * Codes are stored on disk (one byte) and sent in binary form: they never
 * change meaning.  Their numeric order is the sort order of the SQL type.
 */
#ifndef MSC_ROUTE_H
#define MSC_ROUTE_H

#include "msc_error.h"
#include "msc_text.h"

#include <stdint.h>

typedef enum msc_route_code
{
	MSC_ROUTE_INVALID = 0,
	MSC_ROUTE_INTRA_ARTICULAR = 1,
	MSC_ROUTE_INTRADISCAL,
	MSC_ROUTE_INTRAVENOUS,
	MSC_ROUTE_INTRATHECAL,
	MSC_ROUTE_SUBARACHNOID,
	MSC_ROUTE_EPIDURAL,
	MSC_ROUTE_INTRALESIONAL,
	MSC_ROUTE_INTRATENDINOUS,
	MSC_ROUTE_PERIARTICULAR,
	MSC_ROUTE_PERINEURAL,
	MSC_ROUTE_INTRAMUSCULAR,
	MSC_ROUTE_SUBCUTANEOUS,
	MSC_ROUTE_INTRADERMAL,
	MSC_ROUTE_INTRA_ARTERIAL,
	MSC_ROUTE_SOFT_TISSUE,
	MSC_ROUTE_COUNT				/* one past the last valid code */
} msc_route_code;

#define MSC_ROUTE_MAX_INPUT 128

typedef struct msc_route_info
{
	msc_vocab_entry vocab;		/* code, canonical label, human label, synonyms */
	const char *cdisc_term;		/* CDISC SDTM ROUTE / FDA route of administration */
	const char *nci_code;		/* NCI Thesaurus concept code */
	bool		systemic;		/* delivered into the circulation */
} msc_route_info;

/* Parse text into *code.  False with err filled on failure (22P02). */
bool		msc_route_parse(const char *src, size_t len, uint8_t *code, msc_error *err);

/* Is code a valid stored value? */
bool		msc_route_valid(int code);

/* The catalogue entry of a valid code, NULL otherwise. */
const msc_route_info *msc_route_info_of(int code);

#endif

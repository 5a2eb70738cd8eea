/*
 * trial_id.h — identifiers of clinical trial registries: recognisers of
 * each registry's published format, the normaliser to canonical text, a
 * scanner that finds identifiers in free text, and the URL builder.
 *
 * A trial_id is stored as its canonical text only; the registry is
 * re-derived from it.  No registry publishes a check-digit algorithm that
 * we know of, so formats are checked, not checksums.
 */
#ifndef TRIAL_ID_H
#define TRIAL_ID_H

#include "msc_error.h"

#include <stdbool.h>
#include <stddef.h>

/*
 * Registries, in the order of trial_registries().  Codes are not stored
 * (the canonical text is), so they may be renumbered freely.
 */
typedef enum trial_registry_code
{
	TRIAL_REG_INVALID = 0,
	TRIAL_REG_CTGOV = 1,		/* ClinicalTrials.gov  NCT01234567 */
	TRIAL_REG_EUDRACT,			/* EudraCT             2004-000123-45 */
	TRIAL_REG_CTIS,				/* EU CTIS             2023-501234-12-00 */
	TRIAL_REG_ISRCTN,			/* ISRCTN              ISRCTN12345678 */
	TRIAL_REG_CHICTR,			/* ChiCTR              ChiCTR2000012345 */
	TRIAL_REG_ANZCTR,			/* ANZCTR              ACTRN12615000123456 */
	TRIAL_REG_CTRI,				/* CTRI                CTRI/2017/03/007983 */
	TRIAL_REG_JRCT,				/* jRCT                jRCTs031180001 */
	TRIAL_REG_DRKS,				/* DRKS                DRKS00012345 */
	TRIAL_REG_UTN,				/* WHO UTN             U1111-1234-5678 */
	TRIAL_REG_CRIS,				/* CRiS (Korea)        KCT0001234 */
	TRIAL_REG_IRCT,				/* IRCT (Iran)         IRCT20180123038465N2 */
	TRIAL_REG_PACTR,			/* PACTR               PACTR201509001234567 */
	TRIAL_REG_TCTR,				/* TCTR (Thailand)     TCTR20180320001 */
	TRIAL_REG_UMIN,				/* UMIN-CTR (Japan)    UMIN000012345 */
	TRIAL_REG_RPCEC,			/* RPCEC (Cuba)        RPCEC00000123 */
	TRIAL_REG_SLCTR,			/* SLCTR (Sri Lanka)   SLCTR/2018/012 */
	TRIAL_REG_LBCTR,			/* LBCTR (Lebanon)     LBCTR2019012345 */
	/* Not registries: the identities of trials that have no registration */
	TRIAL_REG_PUBMED,			/* PubMed              PMID:31234567 */
	TRIAL_REG_LOCAL,			/* this registry's own LOCAL-SMITH2019 */
	TRIAL_REG_COUNT				/* one past the last valid code */
} trial_registry_code;

/* Longest text input accepted by trial_id_parse (msc_check_input). */
#define TRIAL_ID_MAX_INPUT 64
/* Room for any canonical identifier plus its terminating NUL. */
#define TRIAL_ID_CANON_MAX 32
/* Room for any URL built by trial_id_url plus its terminating NUL. */
#define TRIAL_ID_URL_MAX 160

typedef struct trial_registry_info
{
	int			code;
	const char *name;			/* registry(): 'ClinicalTrials.gov', 'EudraCT' ... */
	const char *full_name;		/* e.g. 'Clinical Trials Registry - India' */
	const char *format;			/* "NCT followed by 8 digits" */
	const char *example;		/* a well-formed canonical identifier */
	const char *url_prefix;		/* URL = prefix || id || suffix; NULL: no URL */
	const char *url_suffix;
	size_t		url_skip;		/* leading characters of the id the URL leaves out */
} trial_registry_info;

/* The catalogue entry of a registry code, or NULL when code is invalid. */
const trial_registry_info *trial_registry_entry(int code);

/*
 * Parse text into canonical form: canon receives the NUL-terminated
 * canonical identifier (at most TRIAL_ID_CANON_MAX bytes with the NUL),
 * *canon_len its length and *registry its registry code.  False with err
 * filled (22P02) on failure; the detail says which registry the input
 * seems to aim at and what that registry's format is, or that the input
 * holds several identifiers or other text.
 */
bool		trial_id_parse(const char *src, size_t len, char *canon,
						   size_t *canon_len, int *registry, msc_error *err);

/*
 * The registry of a canonical identifier, or TRIAL_REG_INVALID when s is
 * not exactly a canonical identifier.
 */
int			trial_id_registry(const char *s, size_t len);

/*
 * The URL of a canonical identifier, written NUL-terminated into dst
 * (dstlen >= TRIAL_ID_URL_MAX suffices).  False when the registry has no
 * URL (WHO UTN) or s is not canonical.
 */
bool		trial_id_url(const char *s, size_t len, char *dst, size_t dstlen);

/*
 * Free-text scanner.  Find the next identifier in text[0..len) that
 * starts at or after *pos and before stop (stop lets a caller scan a long
 * text in slices; pass len to scan to the end).  An identifier is spelled
 * in any of the accepted input variants and is neither preceded nor
 * followed by an ASCII letter or digit.  Only registrations are found:
 * a PMID in a text cites a publication, it does not name a trial.  On success canon (at least
 * TRIAL_ID_CANON_MAX bytes), *canon_len and *registry describe it, *start
 * is where its spelling begins and *pos moves past it.  When none starts
 * before stop, returns false with *pos = stop.  Duplicates are reported
 * each time they occur.
 */
bool		trial_id_next(const char *text, size_t len, size_t *pos, size_t stop,
						  char *canon, size_t *canon_len, int *registry,
						  size_t *start);

#endif

/*
 * msc_source.h — the source tissue of a mesenchymal stem cell product.
 *
 * Codes are stored on disk (one byte) and sent in binary form: they never
 * change meaning.  Their numeric order is the sort order of the SQL type.
 */
#ifndef MSC_SOURCE_H
#define MSC_SOURCE_H

#include "msc_error.h"
#include "msc_text.h"

#include <stdint.h>

typedef enum msc_source_code
{
	MSC_SOURCE_INVALID = 0,
	MSC_SOURCE_BONE_MARROW = 1,
	MSC_SOURCE_ADIPOSE,
	MSC_SOURCE_UMBILICAL_CORD,
	MSC_SOURCE_CORD_BLOOD,
	MSC_SOURCE_PLACENTA,
	MSC_SOURCE_AMNIOTIC,
	MSC_SOURCE_DENTAL_PULP,
	MSC_SOURCE_SYNOVIAL,
	MSC_SOURCE_PERIPHERAL_BLOOD,
	MSC_SOURCE_MENSTRUAL_BLOOD,
	MSC_SOURCE_IPSC_DERIVED,
	MSC_SOURCE_COUNT			/* one past the last valid code */
} msc_source_code;

#define MSC_SOURCE_MAX_INPUT 128

/* Parse text into *code.  False with err filled on failure (22P02). */
bool		msc_source_parse(const char *src, size_t len, uint8_t *code, msc_error *err);

/* Is code a valid stored value? */
bool		msc_source_valid(int code);

/* The vocabulary entry of a valid code (canonical, label, synonyms). */
const msc_vocab_entry *msc_source_entry(int code);

#endif

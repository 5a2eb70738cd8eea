/*
 * msc_text.h — normalising free-form labels and matching them against a
 * vocabulary of canonical names and synonyms.
 */
#ifndef MSC_TEXT_H
#define MSC_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* Longest normalised key we ever build; inputs are length-checked before. */
#define MSC_KEY_MAX 256

/*
 * One entry of a vocabulary: its code, canonical label (lower case with
 * underscores), human label, and synonyms as people write them (NULL ends
 * the list).  Matching compares normalised forms, so "BM-MSC", "bm msc"
 * and "Bm_Msc" are one synonym.
 */
typedef struct msc_vocab_entry
{
	int			code;
	const char *canonical;
	const char *label;
	const char *const *synonyms;
} msc_vocab_entry;

/*
 * Normalise src into dst: ASCII letters lower-cased; apostrophes (' ‘ ’)
 * and full stops dropped ("i.v." -> "iv", "Wharton's" -> "whartons");
 * runs of white space and - _ / become one space; leading and
 * trailing spaces removed.  Other bytes are kept.  Returns false when dst
 * is too small.
 */
bool		msc_normalize(const char *src, size_t len, char *dst, size_t dstlen);

/* Does the normalised key equal the normalised form of phrase? */
bool		msc_key_equals(const char *key, const char *phrase);

/*
 * Find key among the canonical labels and synonyms of vocab (n entries).
 * Returns the entry or NULL.
 */
const msc_vocab_entry *msc_vocab_find(const msc_vocab_entry *vocab, size_t n,
									  const char *key);

/*
 * Remove whole words from the front (any of leading) and the back (any of
 * trailing) of a normalised key, in place, for as long as one matches.
 * Either list may be NULL; lists end with NULL.  Returns true when
 * something was removed.
 */
bool		msc_strip_words(char *key, const char *const *leading,
							const char *const *trailing);

#endif

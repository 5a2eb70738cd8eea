/*
 * msc_text.c — label normalisation and vocabulary look-up.
 */
#include "msc_text.h"

#include <stdint.h>
#include <string.h>

static bool
is_separator(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
		c == '\f' || c == '-' || c == '_' || c == '/';
}

/*
 * Bytes at s[i] that normalisation drops: 1 for an apostrophe or a full
 * stop, 3 for U+2018 or U+2019 (the typographic apostrophes, E2 80 98/99),
 * 0 otherwise.  s[0..len) is readable; NUL-terminated text may pass
 * SIZE_MAX, as a NUL never matches the continuation bytes.
 */
static size_t
ignorable_length(const unsigned char *s, size_t i, size_t len)
{
	if (s[i] == '\'' || s[i] == '.')
		return 1;
	if (s[i] == 0xE2 && i + 2 < len && s[i + 1] == 0x80 &&
		(s[i + 2] == 0x98 || s[i + 2] == 0x99))
		return 3;
	return 0;
}

bool
msc_normalize(const char *src, size_t len, char *dst, size_t dstlen)
{
	size_t		o = 0;
	bool		pending_space = false;

	for (size_t i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) src[i];
		size_t		skip = ignorable_length((const unsigned char *) src, i, len);

		if (skip > 0)
		{
			i += skip - 1;
			continue;
		}
		if (is_separator(c))
		{
			pending_space = (o > 0);
			continue;
		}
		if (pending_space)
		{
			if (o + 1 >= dstlen)
				return false;
			dst[o++] = ' ';
			pending_space = false;
		}
		if (o + 1 >= dstlen)
			return false;
		dst[o++] = (c >= 'A' && c <= 'Z') ? (char) (c - 'A' + 'a') : (char) c;
	}
	dst[o] = '\0';
	return true;
}

/*
 * Compares key with phrase normalised on the fly, as msc_normalize would
 * write it, and stops at the first byte that differs: vocabulary look-ups
 * compare one key with hundreds of phrases, and most differ at once.
 */
bool
msc_key_equals(const char *key, const char *phrase)
{
	size_t		o = 0;
	bool		pending_space = false;

	for (size_t i = 0; phrase[i] != '\0'; i++)
	{
		unsigned char c = (unsigned char) phrase[i];
		size_t		skip = ignorable_length((const unsigned char *) phrase, i, SIZE_MAX);

		if (skip > 0)
		{
			i += skip - 1;
			continue;
		}
		if (is_separator(c))
		{
			pending_space = (o > 0);
			continue;
		}
		if (pending_space)
		{
			if (key[o] != ' ')
				return false;
			o++;
			pending_space = false;
		}
		if ((unsigned char) key[o] != ((c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c))
			return false;
		o++;
	}
	return key[o] == '\0';
}

const msc_vocab_entry *
msc_vocab_find(const msc_vocab_entry *vocab, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
	{
		if (msc_key_equals(key, vocab[i].canonical))
			return &vocab[i];
		for (const char *const *s = vocab[i].synonyms; s && *s; s++)
			if (msc_key_equals(key, *s))
				return &vocab[i];
	}
	return NULL;
}

/* Does key start with word followed by a space? */
static size_t
leading_word(const char *key, const char *word)
{
	size_t		wl = strlen(word);

	if (strncmp(key, word, wl) == 0 && key[wl] == ' ')
		return wl + 1;
	return 0;
}

/* Does key end with a space followed by word? */
static size_t
trailing_word(const char *key, const char *word)
{
	size_t		kl = strlen(key);
	size_t		wl = strlen(word);

	if (kl > wl && key[kl - wl - 1] == ' ' && strcmp(key + kl - wl, word) == 0)
		return wl + 1;
	return 0;
}

bool
msc_strip_words(char *key, const char *const *leading,
				const char *const *trailing)
{
	bool		any = false;
	bool		again = true;

	while (again)
	{
		again = false;
		for (const char *const *w = leading; w && *w; w++)
		{
			size_t		cut = leading_word(key, *w);

			if (cut)
			{
				memmove(key, key + cut, strlen(key + cut) + 1);
				again = any = true;
			}
		}
		for (const char *const *w = trailing; w && *w; w++)
		{
			size_t		cut = trailing_word(key, *w);

			if (cut)
			{
				key[strlen(key) - cut] = '\0';
				again = any = true;
			}
		}
	}
	return any;
}

/*
 * msc_ascii.h — ASCII character classes and case-insensitive literals for
 * the parsers of src/core.  Never the locale: a PostgreSQL backend may run
 * under any LC_CTYPE, and the parsers must read the same bytes the same
 * way everywhere.  Bytes of UTF-8 sequences (>= 0x80) are in no class.
 */
#ifndef MSC_ASCII_H
#define MSC_ASCII_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

static inline bool
ascii_is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static inline bool
ascii_is_upper(unsigned char c)
{
	return c >= 'A' && c <= 'Z';
}

static inline bool
ascii_is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || ascii_is_upper(c);
}

static inline bool
ascii_is_alnum(unsigned char c)
{
	return ascii_is_digit(c) || ascii_is_alpha(c);
}

/* Space or tab (C's isblank). */
static inline bool
ascii_is_blank(unsigned char c)
{
	return c == ' ' || c == '\t';
}

/* White space that does not end a line: space, tab, \v, \f. */
static inline bool
ascii_is_inline_space(unsigned char c)
{
	return ascii_is_blank(c) || c == '\v' || c == '\f';
}

/* Any white space (C's isspace in the C locale). */
static inline bool
ascii_is_space(unsigned char c)
{
	return ascii_is_inline_space(c) || c == '\n' || c == '\r';
}

static inline unsigned char
ascii_lower(unsigned char c)
{
	return ascii_is_upper(c) ? (unsigned char) (c - 'A' + 'a') : c;
}

static inline unsigned char
ascii_upper(unsigned char c)
{
	return (c >= 'a' && c <= 'z') ? (unsigned char) (c - 'a' + 'A') : c;
}

/*
 * Does [p, end) start with w, ignoring ASCII case?  Its length, or 0.
 * w may hold UTF-8 bytes, which compare as they are.
 */
static inline size_t
ascii_lit(const char *p, const char *end, const char *w)
{
	size_t		n = strlen(w);

	if (p > end || (size_t) (end - p) < n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (ascii_lower((unsigned char) p[i]) != ascii_lower((unsigned char) w[i]))
			return 0;
	return n;
}

#endif

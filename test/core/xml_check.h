/*
 * xml_check.h — a small well-formedness checker for the SVG the core
 * writes (test_forest_svg.c, test_funnel_svg.c): tags nest and close,
 * attributes are quoted, text holds no raw < or & other than the five
 * predefined entities and hexadecimal character references, and every
 * byte is printable ASCII or a newline.  Include unit.h first.  The full check with xmllint and
 * rsvg-convert is test/forest_plot.sh.
 */
#ifndef XML_CHECK_H
#define XML_CHECK_H

#include <ctype.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

static bool
check_reference(const char **pp)
{
	const char *p = *pp;		/* at '&' */
	static const char *const named[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"};

	for (int i = 0; i < 5; i++)
		if (strncmp(p, named[i], strlen(named[i])) == 0)
		{
			*pp = p + strlen(named[i]);
			return true;
		}
	if (strncmp(p, "&#x", 3) == 0)
	{
		unsigned long v = 0;
		const char *q = p + 3;

		if (!isxdigit((unsigned char) *q))
			return false;
		while (isxdigit((unsigned char) *q))
		{
			v = v * 16 + (unsigned long) (isdigit((unsigned char) *q) ? *q - '0' : (tolower((unsigned char) *q) - 'a' + 10));
			if (v > 0x10FFFF)
				return false;
			q++;
		}
		if (*q != ';')
			return false;
		/* an XML Char */
		if (!(v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v <= 0xD7FF) ||
			  (v >= 0xE000 && v <= 0xFFFD) || v >= 0x10000))
			return false;
		*pp = q + 1;
		return true;
	}
	return false;
}

static bool
is_name_char(char c)
{
	return isalnum((unsigned char) c) || c == '-' || c == '_' || c == ':' || c == '.';
}

/* well-formed (for the subset of XML the writer uses); why in *why */
static bool
xml_ok(const char *doc, const char **why)
{
	const char *p = doc;
	const char *stack[64];
	size_t		stack_len[64];
	int			depth = 0;
	bool		root_seen = false;

	for (const char *q = doc; *q; q++)
		if (!((*q >= 0x20 && *q < 0x7F) || *q == '\n'))
			return (*why = "a byte that is not printable ASCII"), false;
	if (strncmp(p, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", 39) != 0)
		return (*why = "no XML declaration"), false;
	p += 39;
	while (*p)
	{
		if (*p == '<')
		{
			bool		closing = (p[1] == '/');
			const char *name = p + 1 + closing;
			size_t		nlen = 0;

			while (is_name_char(name[nlen]))
				nlen++;
			if (nlen == 0)
				return (*why = "a tag without a name"), false;
			p = name + nlen;
			if (closing)
			{
				if (depth == 0 || stack_len[depth - 1] != nlen || strncmp(stack[depth - 1], name, nlen) != 0)
					return (*why = "a closing tag that does not match"), false;
				depth--;
				if (*p != '>')
					return (*why = "a malformed closing tag"), false;
				p++;
				continue;
			}
			if (depth == 0 && root_seen)
				return (*why = "a second root element"), false;
			root_seen = true;
			/* attributes */
			for (;;)
			{
				while (*p == ' ')
					p++;
				if (*p == '>' || (p[0] == '/' && p[1] == '>'))
					break;
				if (!is_name_char(*p))
					return (*why = "a malformed attribute"), false;
				while (is_name_char(*p))
					p++;
				if (p[0] != '=' || p[1] != '"')
					return (*why = "an unquoted attribute"), false;
				p += 2;
				while (*p != '"')
				{
					if (*p == '\0' || *p == '<')
						return (*why = "a < or the end in an attribute"), false;
					if (*p == '&')
					{
						if (!check_reference(&p))
							return (*why = "a bad reference in an attribute"), false;
					}
					else
						p++;
				}
				p++;
			}
			if (*p == '>')
			{
				if (depth == 64)
					return (*why = "too deep"), false;
				stack[depth] = name;
				stack_len[depth] = nlen;
				depth++;
				p++;
			}
			else
				p += 2;			/* empty element */
		}
		else if (*p == '&')
		{
			if (!check_reference(&p))
				return (*why = "a bad reference in text"), false;
		}
		else if (*p == '>' && p > doc + 1 && p[-1] == ']' && p[-2] == ']')
			return (*why = "]]> in text"), false;
		else
		{
			if (depth == 0 && *p != '\n' && *p != ' ')
				return (*why = "text outside the root"), false;
			p++;
		}
	}
	if (depth != 0 || !root_seen)
		return (*why = "unclosed elements"), false;
	return true;
}

/* how often needle occurs in hay */
static int
count(const char *hay, const char *needle)
{
	int			n = 0;
	size_t		len = strlen(needle);

	for (const char *p = strstr(hay, needle); p; p = strstr(p + len, needle))
		n++;
	return n;
}

/* a CHECK (unit.h) that svg is there and well-formed */
static void
expect_well_formed(const char *svg, const char *what)
{
	const char *why = "";

	CHECK(svg != NULL, "%s: no output", what);
	if (svg)
		CHECK(xml_ok(svg, &why), "%s: not well-formed: %s", what, why);
}

#endif

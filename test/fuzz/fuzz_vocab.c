/*
 * fuzz_vocab — msc_source_parse, msc_route_parse and the normaliser they
 * share (msc_normalize, msc_strip_words).
 *
 * Invariants checked on every input:
 *  - a rejection is class SYNTAX (22P02) with "invalid input syntax for
 *    type msc_source/msc_route" and no raw control character;
 *  - an accepted value's canonical label parses back to the same code, and
 *    so does every synonym listed for it (the vocabulary is consistent);
 *  - the parse does not depend on ASCII letter case or on blanks around
 *    the text (as documented): the upper-cased and the padded input give
 *    the same answer;
 *  - msc_normalize's output is lower case, has no full stop, apostrophe or
 *    separator other than single inner spaces, and is no longer than its
 *    input (for input without NUL bytes, which the parsers refuse first).
 */
#include "fuzz_common.h"
#include "msc_route.h"
#include "msc_source.h"
#include "msc_text.h"

#include <ctype.h>

typedef bool (*byte_parser) (const char *, size_t, uint8_t *, msc_error *);

/* Parse n bytes from an exactly sized copy; code 0 on rejection. */
static int
parse_copy(byte_parser parse, const char *s, size_t n, msc_error *err)
{
	char	   *c = fuzz_copy((const uint8_t *) s, n);
	uint8_t		code = 0;
	int			r = parse(c, n, &code, err) ? code : 0;

	free(c);
	return r;
}

static void
check_parser(const char *type, byte_parser parse, size_t maxlen,
			 const msc_vocab_entry *(*entry) (int), const uint8_t *data, size_t size)
{
	msc_error	err;
	char		prefix[64];
	int			code;

	snprintf(prefix, sizeof(prefix), "invalid input syntax for type %s", type);
	code = parse_copy(parse, (const char *) data, size, &err);
	if (code == 0)
		fuzz_check_error(&err, FUZZ_SYNTAX, prefix, type);
	else
	{
		const msc_vocab_entry *e = entry(code);

		FUZZ_ASSERT(e != NULL && e->code == code, "%s: accepted an invalid code %d", type, code);
		FUZZ_ASSERT(parse_copy(parse, e->canonical, strlen(e->canonical), &err) == code,
					"%s: canonical \"%s\" does not parse back to %d", type, e->canonical, code);
		for (const char *const *syn = e->synonyms; syn && *syn; syn++)
			FUZZ_ASSERT(parse_copy(parse, *syn, strlen(*syn), &err) == code,
						"%s: synonym \"%s\" of %s does not parse to it", type, *syn, e->canonical);
	}

	/* case and surrounding blanks do not matter */
	if (size + 2 <= maxlen)
	{
		char	   *v = malloc(size + 2);

		for (size_t i = 0; i < size; i++)
			v[i + 1] = (char) ((data[i] >= 'a' && data[i] <= 'z') ? data[i] - 'a' + 'A' : data[i]);
		v[0] = ' ';
		v[size + 1] = '\t';
		FUZZ_ASSERT(parse_copy(parse, v + 1, size, &err) == code,
					"%s: upper-casing the input changes the answer", type);
		FUZZ_ASSERT(parse_copy(parse, v, size + 2, &err) == parse_copy(parse, v + 1, size, &err),
					"%s: blanks around the input change the answer", type);
		free(v);
	}
}

static const msc_vocab_entry *
route_entry(int code)
{
	const msc_route_info *r = msc_route_info_of(code);

	return r ? &r->vocab : NULL;
}

static void
check_normalize(const uint8_t *data, size_t size)
{
	char		key[MSC_KEY_MAX];
	char	   *c;

	/* the parsers refuse NUL (a control character) before normalising */
	if (memchr(data, '\0', size) != NULL)
		return;
	c = fuzz_copy(data, size);
	if (msc_normalize(c, size, key, sizeof(key)))
	{
		size_t		kl = strlen(key);

		FUZZ_ASSERT(kl <= size, "normalised key longer than its input");
		FUZZ_ASSERT(kl == 0 || (key[0] != ' ' && key[kl - 1] != ' '), "key \"%s\" has outer blanks", key);
		for (size_t i = 0; i < kl; i++)
		{
			unsigned char ch = (unsigned char) key[i];

			FUZZ_ASSERT(!(ch >= 'A' && ch <= 'Z'), "key \"%s\" has upper case", key);
			FUZZ_ASSERT(ch != '.' && ch != '\'' && ch != '-' && ch != '_' && ch != '/' &&
						ch != '\t' && ch != '\n' && ch != '\r' && ch != '\v' && ch != '\f',
						"key \"%s\" keeps a dropped character 0x%02X", key, ch);
			FUZZ_ASSERT(!(ch == ' ' && key[i + 1] == ' '), "key \"%s\" has a run of blanks", key);
		}
		/* stripping words leaves a key that is still normal */
		{
			static const char *const lead[] = {"human", "via", NULL};
			static const char *const trail[] = {"cells", "injection", NULL};

			msc_strip_words(key, lead, trail);
			kl = strlen(key);
			FUZZ_ASSERT(kl == 0 || (key[0] != ' ' && key[kl - 1] != ' '),
						"stripped key \"%s\" has outer blanks", key);
		}
	}
	else
		FUZZ_ASSERT(size >= MSC_KEY_MAX - 1, "normalise failed on %zu bytes", size);
	free(c);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	check_parser("msc_source", msc_source_parse, MSC_SOURCE_MAX_INPUT, msc_source_entry, data, size);
	check_parser("msc_route", msc_route_parse, MSC_ROUTE_MAX_INPUT, route_entry, data, size);
	check_normalize(data, size);
	return 0;
}

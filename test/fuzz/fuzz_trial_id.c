/*
 * fuzz_trial_id — trial_id_parse, trial_id_registry, trial_id_url and the
 * free-text scanner trial_id_next (trial_ids_in).
 *
 * Invariants:
 *  - parse rejects with SYNTAX (22P02) and "invalid input syntax for type
 *    trial_id";
 *  - an accepted identifier is NUL-terminated canonical text of a known
 *    registry that trial_id_registry recognises; parsing the canonical
 *    text gives itself (stable canonical form); it has a URL exactly when
 *    its registry publishes one, and the URL starts with that prefix;
 *  - what parse accepts, the scanner finds in the same text: exactly one
 *    identifier, the same canonical one;
 *  - the scanner's identifiers are canonical, in increasing, non-
 *    overlapping positions inside the text, each neither preceded nor
 *    followed by an ASCII letter or digit;
 *  - scanning in slices (as trial_ids_in does for long texts, here with a
 *    slice length taken from the input) finds exactly what one scan finds.
 */
#include "fuzz_common.h"
#include "trial_id.h"

#define MAX_FOUND 4096

typedef struct found
{
	size_t		start;
	size_t		end;
	int			registry;
	char		canon[TRIAL_ID_CANON_MAX];
} found;

static found whole[MAX_FOUND];

static bool
alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static void
check_canonical(const char *canon, size_t n, int registry, const char *what)
{
	char		again[TRIAL_ID_CANON_MAX];
	char		url[TRIAL_ID_URL_MAX];
	size_t		n2 = 0;
	int			r2 = 0;
	msc_error	err;
	const trial_registry_info *info = trial_registry_entry(registry);
	char	   *c;

	FUZZ_ASSERT(info != NULL && info->code == registry, "%s: unknown registry %d", what, registry);
	FUZZ_ASSERT(n > 0 && n < TRIAL_ID_CANON_MAX && canon[n] == '\0' && strlen(canon) == n,
				"%s: canonical text not terminated at its length", what);
	FUZZ_ASSERT(trial_id_registry(canon, n) == registry, "%s: \"%s\" is not recognised as canonical", what, canon);
	c = fuzz_copy((const uint8_t *) canon, n);
	FUZZ_ASSERT(trial_id_parse(c, n, again, &n2, &r2, &err), "%s: \"%s\" does not parse: %s", what, canon, err.message);
	free(c);
	FUZZ_ASSERT(n2 == n && r2 == registry && strcmp(again, canon) == 0,
				"%s: \"%s\" parses to \"%s\"", what, canon, again);
	if (info->url_prefix != NULL)
	{
		FUZZ_ASSERT(trial_id_url(canon, n, url, sizeof(url)), "%s: no URL for \"%s\"", what, canon);
		FUZZ_ASSERT(strncmp(url, info->url_prefix, strlen(info->url_prefix)) == 0 && strstr(url, canon) != NULL,
					"%s: URL \"%s\" of \"%s\"", what, url, canon);
	}
	else
		FUZZ_ASSERT(!trial_id_url(canon, n, url, sizeof(url)), "%s: a URL for \"%s\" of a registry without one", what, canon);
}

/* Scan text in slices of slice bytes (0: one scan); returns how many. */
static int
scan(const char *text, size_t len, size_t slice, found *out, bool check)
{
	size_t		pos = 0;
	size_t		prev_end = 0;
	int			k = 0;

	while (pos < len)
	{
		size_t		stop = (slice == 0 || len - pos <= slice) ? len : pos + slice;
		found		f;

		while (trial_id_next(text, len, &pos, stop, f.canon, &f.end, &f.registry, &f.start))
		{
			size_t		canon_len = f.end;

			f.end = pos;
			FUZZ_ASSERT(f.start >= prev_end && f.start < f.end && f.end <= len,
						"scanner: identifier at [%zu, %zu) after %zu in %zu bytes", f.start, f.end, prev_end, len);
			FUZZ_ASSERT(f.start < stop, "scanner: identifier starts at %zu, past the stop %zu", f.start, stop);
			if (check)
			{
				FUZZ_ASSERT(f.start == 0 || !alnum((unsigned char) text[f.start - 1]), "scanner: preceded by alnum");
				FUZZ_ASSERT(f.end == len || !alnum((unsigned char) text[f.end]), "scanner: followed by alnum");
				check_canonical(f.canon, canon_len, f.registry, "scanner");
			}
			prev_end = f.end;
			if (k < MAX_FOUND)
				out[k] = f;
			k++;
		}
		FUZZ_ASSERT(pos >= stop, "scanner: stopped at %zu before the stop %zu", pos, stop);
	}
	return k;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char		canon[TRIAL_ID_CANON_MAX];
	size_t		n = 0;
	int			registry = 0;
	msc_error	err;
	char	   *c = fuzz_copy(data, size);
	int			k;
	bool		parsed;

	parsed = trial_id_parse(c, size, canon, &n, &registry, &err);
	if (parsed)
		check_canonical(canon, n, registry, "parse");
	else
		fuzz_check_error(&err, FUZZ_SYNTAX, "invalid input syntax for type trial_id", "parse");

	k = scan(c, size, 0, whole, true);
	if (parsed)
		FUZZ_ASSERT(k == 1 && strcmp(whole[0].canon, canon) == 0,
					"parse accepts \"%s\" but the scanner finds %d identifier(s)%s%s", canon, k,
					k ? ", the first " : "", k ? whole[0].canon : "");
	if (size > 0)
	{
		static found sliced[MAX_FOUND];
		size_t		slice = 1 + data[0] % 32;
		int			k2 = scan(c, size, slice, sliced, false);

		FUZZ_ASSERT(k2 == k, "slices of %zu bytes find %d identifiers, one scan %d", slice, k2, k);
		for (int i = 0; i < k && i < MAX_FOUND; i++)
			FUZZ_ASSERT(sliced[i].start == whole[i].start && sliced[i].end == whole[i].end &&
						strcmp(sliced[i].canon, whole[i].canon) == 0,
						"slices of %zu bytes find another identifier %d", slice, i);
	}
	free(c);
	return 0;
}

/*
 * fuzz_common.h — what every libFuzzer target of msc_registry's core
 * shares: an invariant check that aborts (so libFuzzer records a crash and
 * keeps the input), and the checks every rejection must pass.
 *
 * A target parses the fuzzer's bytes; when the parser accepts, it checks
 * the value's invariants (its canonical text parses back to an equal value,
 * the canonical form is stable, stored values pass their own validity
 * check); when it rejects, the error must carry one of the documented
 * classes and a message without raw control characters.
 */
#ifndef FUZZ_COMMON_H
#define FUZZ_COMMON_H

#include "msc_error.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_ASSERT(cond, ...) \
	do { \
		if (!(cond)) { \
			fprintf(stderr, "%s:%d: invariant violated: %s: ", __FILE__, __LINE__, #cond); \
			fprintf(stderr, __VA_ARGS__); \
			fputc('\n', stderr); \
			abort(); \
		} \
	} while (0)

/* Bit masks of the error classes a function may report. */
#define FUZZ_SYNTAX (1u << MSC_ERR_SYNTAX)
#define FUZZ_RANGE	(1u << MSC_ERR_RANGE)
#define FUZZ_PARAM	(1u << MSC_ERR_PARAM)

static inline bool
fuzz_nul_terminated(const char *s, size_t cap)
{
	return memchr(s, '\0', cap) != NULL;
}

/*
 * A rejection: a class among allowed, a non-empty message that starts with
 * prefix (NULL: any), and no control character in message, detail or hint
 * (input is shown escaped).
 */
static inline void
fuzz_check_error(const msc_error *err, unsigned allowed, const char *prefix,
				 const char *what)
{
	const char *parts[3];

	FUZZ_ASSERT(err->errclass != MSC_OK && (allowed & (1u << err->errclass)),
				"%s: rejected with error class %d", what, (int) err->errclass);
	FUZZ_ASSERT(fuzz_nul_terminated(err->message, sizeof(err->message)) &&
				fuzz_nul_terminated(err->detail, sizeof(err->detail)) &&
				fuzz_nul_terminated(err->hint, sizeof(err->hint)),
				"%s: an error text is not terminated", what);
	FUZZ_ASSERT(err->message[0] != '\0', "%s: rejected without a message", what);
	if (prefix)
		FUZZ_ASSERT(strncmp(err->message, prefix, strlen(prefix)) == 0,
					"%s: message \"%s\" does not start with \"%s\"", what, err->message, prefix);
	parts[0] = err->message;
	parts[1] = err->detail;
	parts[2] = err->hint;
	for (int k = 0; k < 3; k++)
		for (const unsigned char *p = (const unsigned char *) parts[k]; *p; p++)
			FUZZ_ASSERT(*p >= 0x20 && *p != 0x7F,
						"%s: raw control character 0x%02X in an error text: %s", what, *p, parts[k]);
}

/* A heap copy of exactly n bytes (plus nothing): ASan sees any over-read. */
static inline char *
fuzz_copy(const uint8_t *data, size_t n)
{
	char	   *c = malloc(n ? n : 1);

	if (c == NULL)
		abort();
	if (n)
		memcpy(c, data, n);
	return c;
}

/* A NUL-terminated heap copy. */
static inline char *
fuzz_cstring(const uint8_t *data, size_t n)
{
	char	   *c = malloc(n + 1);

	if (c == NULL)
		abort();
	if (n)
		memcpy(c, data, n);
	c[n] = '\0';
	return c;
}

#endif

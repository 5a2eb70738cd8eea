/*
 * msc_error.h — how core code reports a failure without PostgreSQL.
 *
 * Core parsers fill an msc_error (class, message, detail, hint) and return
 * false; the PostgreSQL glue maps the class to a SQLSTATE and ereports it.
 */
#ifndef MSC_ERROR_H
#define MSC_ERROR_H

#include <stdbool.h>
#include <stddef.h>

typedef enum msc_errclass
{
	MSC_OK = 0,
	MSC_ERR_SYNTAX,				/* 22P02 invalid_text_representation */
	MSC_ERR_RANGE,				/* 22003 numeric_value_out_of_range */
	MSC_ERR_PARAM,				/* 22023 invalid_parameter_value */
	MSC_ERR_LIMIT				/* 54000 program_limit_exceeded */
} msc_errclass;

#define MSC_ERRMSG_LEN 512

typedef struct msc_error
{
	msc_errclass errclass;
	char		message[MSC_ERRMSG_LEN];
	char		detail[MSC_ERRMSG_LEN];
	char		hint[MSC_ERRMSG_LEN];
} msc_error;

/* Quoted input shown in messages is cut after this many bytes. */
#define MSC_QUOTE_MAX 48

/* Reset err to "no error". */
void		msc_error_clear(msc_error *err);

/*
 * Record a failure.  message is a printf format; detail and hint are plain
 * strings (NULL for none).  Always returns false, so parsers can write
 * "return msc_fail(...)".
 */
bool		msc_fail(msc_error *err, msc_errclass errclass,
					 const char *detail, const char *hint,
					 const char *fmt,...)
#if defined(__GNUC__)
			__attribute__((format(printf, 5, 6)))
#endif
			;

/*
 * Write src (len bytes) into dst as it should appear between double quotes
 * in a message: control characters escaped as \xNN, and input longer than
 * MSC_QUOTE_MAX bytes cut at a character boundary and marked with "...".
 */
void		msc_quote(char *dst, size_t dstlen, const char *src, size_t len);

/*
 * Format a double for a message as PostgreSQL prints it: NaN, Infinity,
 * -Infinity, else %g.  Returns buf.
 */
const char *msc_num(char *buf, size_t len, double v);

/*
 * The usual opening check of every text parser: rejects NULL, over-long
 * input and control characters other than white space.  type_name and
 * example go into the message and hint.
 */
bool		msc_check_input(const char *src, size_t len, size_t maxlen,
							const char *type_name, const char *hint,
							msc_error *err);

#endif

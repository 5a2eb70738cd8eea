/*
 * msc_error.c — failure records and message quoting for core parsers.
 */
#include "msc_error.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void
msc_error_clear(msc_error *err)
{
	err->errclass = MSC_OK;
	err->message[0] = err->detail[0] = err->hint[0] = '\0';
}

bool
msc_fail(msc_error *err, msc_errclass errclass, const char *detail,
		 const char *hint, const char *fmt,...)
{
	va_list		ap;

	err->errclass = errclass;
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof(err->message), fmt, ap);
	va_end(ap);
	snprintf(err->detail, sizeof(err->detail), "%s", detail ? detail : "");
	snprintf(err->hint, sizeof(err->hint), "%s", hint ? hint : "");
	return false;
}

void
msc_quote(char *dst, size_t dstlen, const char *src, size_t len)
{
	size_t		shown = len;
	size_t		o = 0;
	bool		cut = false;

	if (dstlen == 0)
		return;
	if (shown > MSC_QUOTE_MAX)
	{
		shown = MSC_QUOTE_MAX;
		/* do not split a UTF-8 sequence: back up over continuation bytes */
		while (shown > 0 && ((unsigned char) src[shown] & 0xC0) == 0x80)
			shown--;
		cut = true;
	}
	for (size_t i = 0; i < shown; i++)
	{
		unsigned char c = (unsigned char) src[i];

		if (c < 0x20 || c == 0x7F)
		{
			if (o + 4 >= dstlen)
				break;
			snprintf(dst + o, dstlen - o, "\\x%02X", c);
			o += 4;
		}
		else
		{
			if (o + 1 >= dstlen)
				break;
			dst[o++] = (char) c;
		}
	}
	if (cut && o + 3 < dstlen)
	{
		memcpy(dst + o, "...", 3);
		o += 3;
	}
	dst[o] = '\0';
}

bool
msc_check_input(const char *src, size_t len, size_t maxlen,
				const char *type_name, const char *hint, msc_error *err)
{
	char		quoted[MSC_QUOTE_MAX * 4 + 8];
	char		detail[128];

	msc_error_clear(err);
	if (src == NULL)
		return msc_fail(err, MSC_ERR_SYNTAX, NULL, hint,
						"invalid input syntax for type %s: no input", type_name);
	if (len > maxlen)
	{
		msc_quote(quoted, sizeof(quoted), src, len);
		snprintf(detail, sizeof(detail), "The input is %zu bytes long; at most %zu are accepted.",
				 len, maxlen);
		return msc_fail(err, MSC_ERR_SYNTAX, detail, hint,
						"invalid input syntax for type %s: \"%s\"", type_name, quoted);
	}
	for (size_t i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) src[i];

		if ((c < 0x20 && c != ' ' && c != '\t' && c != '\n' && c != '\r'
			 && c != '\v' && c != '\f') || c == 0x7F)
		{
			msc_quote(quoted, sizeof(quoted), src, len);
			snprintf(detail, sizeof(detail),
					 "The input contains the control character 0x%02X.", c);
			return msc_fail(err, MSC_ERR_SYNTAX, detail, hint,
							"invalid input syntax for type %s: \"%s\"", type_name, quoted);
		}
	}
	return true;
}

const char *
msc_num(char *buf, size_t len, double v)
{
	if (isnan(v))
		snprintf(buf, len, "NaN");
	else if (isinf(v))
		snprintf(buf, len, v > 0 ? "Infinity" : "-Infinity");
	else
		snprintf(buf, len, "%g", v);
	return buf;
}

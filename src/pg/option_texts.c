/*
 * option_texts.c — see option_texts.h.
 */
#include "msc_pg.h"

#include "utils/builtins.h"

#include "option_texts.h"

void
option_texts_init(OptionTexts *o)
{
	memset(o->len, -1, sizeof(o->len));
}

char *
option_text_new(OptionTexts *o, FunctionCallInfo fcinfo, int argno)
{
	text	   *t;
	int			len;

	if (PG_NARGS() <= argno || PG_ARGISNULL(argno))
		return NULL;
	t = PG_GETARG_TEXT_PP(argno);
	len = VARSIZE_ANY_EXHDR(t);
	if (argno >= OPTION_TEXTS_ARGS)
		return text_to_cstring(t);
	if (o->len[argno] == len && memcmp(o->text[argno], VARDATA_ANY(t), len) == 0)
		return NULL;
	if (len <= OPTION_TEXT_MAX)
	{
		memcpy(o->text[argno], VARDATA_ANY(t), len);
		o->len[argno] = (int8) len;
	}
	else
		o->len[argno] = -1;
	return text_to_cstring(t);
}

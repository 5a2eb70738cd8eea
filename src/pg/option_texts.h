/*
 * option_texts.h — the option texts (method, test, measure ...) an
 * aggregate's rows gave, kept in its transition state, so that a group
 * parses each text once: a row repeating the text (the usual constant)
 * costs a byte comparison.  Kept in the state, not in fn_extra: Citus'
 * worker_binary_partial_agg calls the transition function with a fresh
 * FmgrInfo for every row, and fn_extra would be empty every time.  Not
 * serialized: a state that travels is not given rows any more.
 */
#ifndef OPTION_TEXTS_H
#define OPTION_TEXTS_H

#include "msc_pg.h"

#define OPTION_TEXTS_ARGS 8		/* arguments 0 .. 7 of a transition function */
#define OPTION_TEXT_MAX 16		/* longer texts are parsed on every row */

typedef struct OptionTexts
{
	int8		len[OPTION_TEXTS_ARGS];	/* -1: none remembered */
	char		text[OPTION_TEXTS_ARGS][OPTION_TEXT_MAX];
} OptionTexts;

void		option_texts_init(OptionTexts *o);

/*
 * The text of option argument argno, to parse and record; NULL when the
 * argument is absent or NULL, or is the text this state saw last (already
 * parsed and recorded).  The text is remembered before it is parsed: a bad
 * text raises an error, which ends the aggregate with its state.
 */
char	   *option_text_new(OptionTexts *o, FunctionCallInfo fcinfo, int argno);

#endif

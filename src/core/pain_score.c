/*
 * pain_score.c — instrument catalogue, parser, formatter, severity and
 * rescaling of pain_score.
 *
 * Accepted text (case-insensitive, white space anywhere between parts):
 *
 *     instrument : value [unit]       nrs:7, vas: 45.5 mm, "NRS = 7"
 *     instrument value [unit]         NRS 7, VAS 45 mm, VAS 4.5 cm, ODI 38%
 *     instrument value/max [unit]     NRS 7/10, VAS 45/100 mm
 *     value[/max] [unit] instrument   7/10 NRS, 45 mm VAS, 38% ODI
 *
 * The instrument is its canonical name or an alias; the value is a plain
 * decimal (digits, optionally a full stop and more digits) without sign or
 * exponent, exact to three decimals of the instrument's unit; a unit must
 * be the instrument's own (cm on vas is converted to mm exactly); a
 * denominator must be the instrument's maximum.
 */
#include "pain_score.h"
#include "msc_ascii.h"
#include "msc_text.h"

#include <stdio.h>
#include <string.h>

/* ---- catalogue ---- */

static const char *const nrs_aliases[] = {
	"NPRS", "NPS", "NRS-11", "numeric rating scale", "numerical rating scale",
	"numeric pain rating scale", "numerical pain rating scale", NULL
};
static const char *const vas_aliases[] = {
	"visual analogue scale", "visual analog scale", NULL
};
static const char *const womac_pain_aliases[] = {"WOMAC pain", NULL};
static const char *const womac_stiffness_aliases[] = {"WOMAC stiffness", NULL};
static const char *const womac_function_aliases[] = {
	"WOMAC function", "WOMAC physical function", NULL
};
static const char *const womac_total_aliases[] = {"WOMAC total", NULL};
static const char *const womac_pain_va_aliases[] = {
	"WOMAC pain VA", "WOMAC VA pain", NULL
};
static const char *const koos_pain_aliases[] = {"KOOS pain", NULL};
static const char *const koos_symptoms_aliases[] = {"KOOS symptoms", NULL};
static const char *const koos_adl_aliases[] = {
	"KOOS ADL", "KOOS activities of daily living",
	"KOOS function in daily living", NULL
};
static const char *const koos_sport_aliases[] = {
	"KOOS sport", "KOOS sport/rec", "KOOS sport and recreation",
	"KOOS function in sport and recreation", NULL
};
static const char *const koos_qol_aliases[] = {
	"KOOS QoL", "KOOS quality of life", "KOOS knee-related quality of life",
	NULL
};
static const char *const odi_aliases[] = {
	"Oswestry", "Oswestry Disability Index", "Oswestry index", NULL
};
static const char *const rmdq_aliases[] = {
	"Roland-Morris", "RDQ", "Roland-Morris Disability Questionnaire",
	"Roland-Morris questionnaire", NULL
};
static const char *const bpi_severity_aliases[] = {
	"BPI severity", "BPI pain severity", NULL
};
static const char *const bpi_interference_aliases[] = {
	"BPI interference", "BPI pain interference", NULL
};
static const char *const lysholm_aliases[] = {
	"Lysholm knee score", "Lysholm knee scoring scale", NULL
};
static const char *const ikdc_aliases[] = {
	"IKDC subjective", "IKDC subjective knee form", NULL
};
static const char *const patient_global_aliases[] = {
	"patient global", "patient global assessment",
	"patient's global assessment", "PtGA", NULL
};
static const char *const pain_relief_aliases[] = {"pain relief", NULL};

#define T(x) ((uint32_t) (x) * PAIN_SCALE)

/* Indexed by code - 1.  Append only. */
static const pain_instrument catalogue[] = {
	{PAIN_NRS, "nrs", "Numeric Rating Scale (0–10)",
	 0, T(10), true, PAIN_UNIT_POINTS, "points",
	 true, T(2), "Farrar 2001", nrs_aliases},
	{PAIN_VAS, "vas", "Visual Analogue Scale (0–100 mm)",
	 0, T(100), true, PAIN_UNIT_MM, "mm",
	 true, T(15), "Ostelo 2008 (low back pain); 19.9 mm in knee OA (Tubach 2005)",
	 vas_aliases},
	{PAIN_WOMAC_PAIN, "womac_pain", "WOMAC pain (Likert 3.x, 0–20)",
	 0, T(20), true, PAIN_UNIT_POINTS, "points",
	 false, 0, NULL, womac_pain_aliases},
	{PAIN_WOMAC_STIFFNESS, "womac_stiffness", "WOMAC stiffness (Likert 3.x, 0–8)",
	 0, T(8), true, PAIN_UNIT_POINTS, "points",
	 false, 0, NULL, womac_stiffness_aliases},
	{PAIN_WOMAC_FUNCTION, "womac_function", "WOMAC physical function (Likert 3.x, 0–68)",
	 0, T(68), true, PAIN_UNIT_POINTS, "points",
	 true, 6188, "Tubach 2005: 9.1 on the 0–100 normalised scale (= 6.188 on 0–68)",
	 womac_function_aliases},
	{PAIN_WOMAC_TOTAL, "womac_total", "WOMAC total (Likert 3.x, 0–96)",
	 0, T(96), true, PAIN_UNIT_POINTS, "points",
	 false, 0, NULL, womac_total_aliases},
	{PAIN_WOMAC_PAIN_VA, "womac_pain_va", "WOMAC pain (VA 3.x, 0–500)",
	 0, T(500), true, PAIN_UNIT_POINTS, "points",
	 false, 0, NULL, womac_pain_va_aliases},
	{PAIN_KOOS_PAIN, "koos_pain", "KOOS pain",
	 0, T(100), false, PAIN_UNIT_POINTS, "points",
	 true, T(8), "Roos 2003 (8–10 points)", koos_pain_aliases},
	{PAIN_KOOS_SYMPTOMS, "koos_symptoms", "KOOS symptoms",
	 0, T(100), false, PAIN_UNIT_POINTS, "points",
	 true, T(8), "Roos 2003 (8–10 points)", koos_symptoms_aliases},
	{PAIN_KOOS_ADL, "koos_adl", "KOOS function in daily living (ADL)",
	 0, T(100), false, PAIN_UNIT_POINTS, "points",
	 true, T(8), "Roos 2003 (8–10 points)", koos_adl_aliases},
	{PAIN_KOOS_SPORT, "koos_sport", "KOOS function in sport and recreation",
	 0, T(100), false, PAIN_UNIT_POINTS, "points",
	 true, T(8), "Roos 2003 (8–10 points)", koos_sport_aliases},
	{PAIN_KOOS_QOL, "koos_qol", "KOOS knee-related quality of life",
	 0, T(100), false, PAIN_UNIT_POINTS, "points",
	 true, T(8), "Roos 2003 (8–10 points)", koos_qol_aliases},
	{PAIN_ODI, "odi", "Oswestry Disability Index (%)",
	 0, T(100), true, PAIN_UNIT_PERCENT, "%",
	 true, T(10), "Ostelo 2008", odi_aliases},
	{PAIN_RMDQ, "rmdq", "Roland-Morris Disability Questionnaire",
	 0, T(24), true, PAIN_UNIT_POINTS, "points",
	 true, T(5), "Ostelo 2008", rmdq_aliases},
	{PAIN_BPI_SEVERITY, "bpi_severity", "Brief Pain Inventory severity",
	 0, T(10), true, PAIN_UNIT_POINTS, "points",
	 false, 0, NULL, bpi_severity_aliases},
	{PAIN_BPI_INTERFERENCE, "bpi_interference", "Brief Pain Inventory interference",
	 0, T(10), true, PAIN_UNIT_POINTS, "points",
	 true, T(1), "IMMPACT (Dworkin 2008)", bpi_interference_aliases},
	{PAIN_LYSHOLM, "lysholm", "Lysholm knee score",
	 0, T(100), false, PAIN_UNIT_POINTS, "points",
	 false, 0, NULL, lysholm_aliases},
	{PAIN_IKDC, "ikdc", "IKDC subjective knee form",
	 0, T(100), false, PAIN_UNIT_POINTS, "points",
	 false, 0, NULL, ikdc_aliases},
	{PAIN_PATIENT_GLOBAL, "patient_global", "Patient global assessment",
	 0, T(100), true, PAIN_UNIT_POINTS, "points",
	 false, 0, NULL, patient_global_aliases},
	{PAIN_PAIN_RELIEF, "pain_relief", "Pain relief (0–4, for TOTPAR)",
	 0, T(4), false, PAIN_UNIT_POINTS, "points",
	 false, 0, NULL, pain_relief_aliases},
};

#undef T

#define N_INSTRUMENTS (sizeof(catalogue) / sizeof(catalogue[0]))

const char	pain_instruments_hint[] =
"Instruments: nrs, vas, womac_pain, womac_stiffness, womac_function, "
"womac_total, womac_pain_va, koos_pain, koos_symptoms, koos_adl, koos_sport, "
"koos_qol, odi, rmdq, bpi_severity, bpi_interference, lysholm, ikdc, "
"patient_global, pain_relief; pain_instruments() lists them with their "
"ranges.";

static const char syntax_hint[] =
"Write instrument:value, e.g. nrs:7, vas:45.5 or womac_pain:12; "
"NRS 7, VAS 45 mm, VAS 4.5 cm, ODI 38% and 7/10 NRS are accepted too.";

/* Names of instrument families that need a subscale. */
static const struct
{
	const char *family;
	const char *detail;
}			families[] = {
	{"womac", "WOMAC has several subscales: name one of womac_pain, womac_stiffness, womac_function, womac_total or womac_pain_va."},
	{"koos", "KOOS has several subscales: name one of koos_pain, koos_symptoms, koos_adl, koos_sport or koos_qol."},
	{"bpi", "The BPI has two scores: name bpi_severity or bpi_interference."},
	{"brief pain inventory", "The BPI has two scores: name bpi_severity or bpi_interference."},
};

/* A detail for a name that is a family rather than an instrument, or NULL. */
static const char *
family_detail(const char *name, size_t len)
{
	char		key[MSC_KEY_MAX];

	if (len >= MSC_KEY_MAX || !msc_normalize(name, len, key, sizeof(key)))
		return NULL;
	for (size_t i = 0; i < sizeof(families) / sizeof(families[0]); i++)
		if (msc_key_equals(key, families[i].family))
			return families[i].detail;
	return NULL;
}

static const char range_hint[] =
"pain_instruments() lists the range of every instrument.";

const pain_instrument *
pain_instrument_by_code(int code)
{
	if (code <= PAIN_INSTRUMENT_INVALID || code >= PAIN_INSTRUMENT_COUNT)
		return NULL;
	return &catalogue[code - 1];
}

bool
pain_score_valid(pain_score_t s)
{
	const pain_instrument *in = pain_instrument_by_code(pain_score_code(s));
	uint32_t	v = pain_score_value(s);

	return s >= 0 && in != NULL && v >= in->min && v <= in->max;
}

/* ---- instrument look-up ---- */

/* Is the normalised key the canonical name (underscores read as spaces)? */
static bool
key_is_name(const char *key, const char *name)
{
	for (; *key && *name; key++, name++)
		if (*key != (*name == '_' ? ' ' : *name))
			return false;
	return *key == '\0' && *name == '\0';
}

static const pain_instrument *
find_key(const char *key)
{
	if (key[0] == '\0')
		return NULL;
	/* canonical names first: the output form is the common input */
	for (size_t i = 0; i < N_INSTRUMENTS; i++)
		if (key_is_name(key, catalogue[i].name))
			return &catalogue[i];
	for (size_t i = 0; i < N_INSTRUMENTS; i++)
	{
		for (const char *const *a = catalogue[i].aliases; a && *a; a++)
			if (msc_key_equals(key, *a))
				return &catalogue[i];
	}
	return NULL;
}

/* Words tolerated around an instrument name: "VAS pain", "pain NRS". */
static const char *const leading_noise[] = {"pain", NULL};
static const char *const trailing_noise[] = {
	"score", "scores", "pain", "scale", "subscale", NULL
};

/* Remove one word of list from the end of key; true when one was removed. */
static bool
strip_one_trailing(char *key)
{
	size_t		kl = strlen(key);

	for (const char *const *w = trailing_noise; *w; w++)
	{
		size_t		wl = strlen(*w);

		if (kl > wl && key[kl - wl - 1] == ' ' && strcmp(key + kl - wl, *w) == 0)
		{
			key[kl - wl - 1] = '\0';
			return true;
		}
	}
	return false;
}

static bool
strip_one_leading(char *key)
{
	for (const char *const *w = leading_noise; *w; w++)
	{
		size_t		wl = strlen(*w);

		if (strncmp(key, *w, wl) == 0 && key[wl] == ' ')
		{
			memmove(key, key + wl + 1, strlen(key + wl + 1) + 1);
			return true;
		}
	}
	return false;
}

/* Look key up as is, then after dropping noise words one at a time. */
static const pain_instrument *
find_key_tolerant(const char *key)
{
	char		lead[MSC_KEY_MAX];
	char		both[MSC_KEY_MAX];
	const pain_instrument *in;

	if ((in = find_key(key)) != NULL)
		return in;
	snprintf(lead, sizeof(lead), "%s", key);
	do
	{
		snprintf(both, sizeof(both), "%s", lead);
		if ((in = find_key(both)) != NULL)
			return in;
		while (strip_one_trailing(both))
			if ((in = find_key(both)) != NULL)
				return in;
	} while (strip_one_leading(lead));
	return NULL;
}

const pain_instrument *
pain_instrument_lookup(const char *name, size_t len)
{
	char		key[MSC_KEY_MAX];

	if (name == NULL || len >= MSC_KEY_MAX)
		return NULL;
	if (!msc_normalize(name, len, key, sizeof(key)))
		return NULL;
	return find_key_tolerant(key);
}

/* ---- formatting ---- */

size_t
pain_format_thousandths(uint32_t v, char *buf, size_t buflen)
{
	int			n;
	uint32_t	frac = v % PAIN_SCALE;

	if (frac == 0)
		n = snprintf(buf, buflen, "%lu", (unsigned long) (v / PAIN_SCALE));
	else
	{
		int			digits = 3;

		while (frac % 10 == 0)
		{
			frac /= 10;
			digits--;
		}
		n = snprintf(buf, buflen, "%lu.%0*lu", (unsigned long) (v / PAIN_SCALE),
					 digits, (unsigned long) frac);
	}
	return n < 0 ? 0 : (size_t) n;
}

size_t
pain_score_format(pain_score_t s, char *buf, size_t buflen)
{
	const pain_instrument *in = pain_instrument_by_code(pain_score_code(s));
	char		num[16];
	int			n;

	if (buflen == 0)
		return 0;
	buf[0] = '\0';
	if (s < 0 || in == NULL)
		return 0;
	pain_format_thousandths(pain_score_value(s), num, sizeof(num));
	n = snprintf(buf, buflen, "%s:%s", in->name, num);
	return n < 0 ? 0 : (size_t) n;
}

/* "nrs runs from 0 to 10", "vas runs from 0 to 100 mm", "odi ... 0 to 100%" */
static void
format_range(const pain_instrument *in, char *buf, size_t buflen)
{
	char		lo[16],
				hi[16];

	pain_format_thousandths(in->min, lo, sizeof(lo));
	pain_format_thousandths(in->max, hi, sizeof(hi));
	snprintf(buf, buflen, "%s runs from %s to %s%s", in->name, lo, hi,
			 in->unit == PAIN_UNIT_MM ? " mm" :
			 in->unit == PAIN_UNIT_PERCENT ? "%" : "");
}

/* ---- numbers ---- */

/* A plain decimal: digits, optionally "." and digits (at least one digit). */
typedef struct pnum
{
	uint64_t	ipart;			/* integer part, exact unless huge */
	bool		huge;			/* integer part >= PNUM_CAP */
	uint32_t	frac6;			/* the first six decimals, in millionths */
	bool		deep;			/* a non-zero digit after the sixth decimal */
} pnum;

#define PNUM_CAP UINT64_C(100000000000)	/* 1e11 */

typedef enum
{
	PNUM_OK,
	PNUM_PRECISE,				/* more than three decimals of the unit */
	PNUM_BIG					/* too large to store (out of any range) */
} pnum_status;

/* Does s[p..e) start with a number, possibly signed ("7", ".5", "-1")? */
static bool
starts_number(const char *s, size_t p, size_t e)
{
	if (p < e && (s[p] == '+' || s[p] == '-'))
		p++;
	if (p < e && s[p] == '.')
		p++;
	return p < e && ascii_is_digit(s[p]);
}

/* Parse an unsigned decimal at s[*pos]; false when there is no digit. */
static bool
parse_number(const char *s, size_t e, size_t *pos, pnum *n)
{
	size_t		p = *pos;
	int			digits = 0;

	memset(n, 0, sizeof(*n));
	while (p < e && ascii_is_digit(s[p]))
	{
		if (!n->huge)
		{
			n->ipart = n->ipart * 10 + (uint64_t) (s[p] - '0');
			if (n->ipart >= PNUM_CAP)
				n->huge = true;
		}
		digits++;
		p++;
	}
	if (p < e && s[p] == '.')
	{
		int			fd = 0;

		p++;
		while (p < e && ascii_is_digit(s[p]))
		{
			if (fd < 6)
				n->frac6 = n->frac6 * 10 + (uint32_t) (s[p] - '0');
			else if (s[p] != '0')
				n->deep = true;
			fd++;
			digits++;
			p++;
		}
		for (; fd < 6; fd++)
			n->frac6 *= 10;
	}
	if (digits == 0)
		return false;
	*pos = p;
	return true;
}

/* n times factor, in thousandths. */
static pnum_status
pnum_thousandths(const pnum *n, uint32_t factor, uint32_t *out)
{
	uint64_t	micro;

	if (n->deep)
		return PNUM_PRECISE;
	micro = (uint64_t) n->frac6 * factor;
	if (micro % 1000 != 0)
		return PNUM_PRECISE;
	if (n->huge)
		return PNUM_BIG;
	micro += n->ipart * UINT64_C(1000000) * factor;
	if (micro / 1000 > UINT32_MAX)
		return PNUM_BIG;
	*out = (uint32_t) (micro / 1000);
	return PNUM_OK;
}

/* ---- units ---- */

typedef enum
{
	UW_POINTS,
	UW_MM,
	UW_CM,
	UW_PERCENT
} unit_word_kind;

static const struct
{
	const char *word;
	unit_word_kind kind;
}			unit_words[] = {
	{"points", UW_POINTS}, {"point", UW_POINTS}, {"pts", UW_POINTS}, {"pt", UW_POINTS},
	{"mm", UW_MM}, {"millimetre", UW_MM}, {"millimetres", UW_MM},
	{"millimeter", UW_MM}, {"millimeters", UW_MM},
	{"cm", UW_CM}, {"centimetre", UW_CM}, {"centimetres", UW_CM},
	{"centimeter", UW_CM}, {"centimeters", UW_CM},
	{"%", UW_PERCENT}, {"percent", UW_PERCENT},
};

static bool
equals_ci(const char *s, size_t len, const char *word)
{
	size_t		i;

	for (i = 0; i < len; i++)
	{
		char		c = s[i];

		if (c >= 'A' && c <= 'Z')
			c = (char) (c - 'A' + 'a');
		if (word[i] == '\0' || c != word[i])
			return false;
	}
	return word[i] == '\0';
}

/* The kind of the unit word s[0..len), or -1. */
static int
unit_word_find(const char *s, size_t len)
{
	for (size_t i = 0; i < sizeof(unit_words) / sizeof(unit_words[0]); i++)
		if (equals_ci(s, len, unit_words[i].word))
			return (int) unit_words[i].kind;
	return -1;
}

/* The factor that turns a value in unit kind into in's unit; 0 if foreign. */
static uint32_t
unit_factor(const pain_instrument *in, int kind)
{
	switch (in->unit)
	{
		case PAIN_UNIT_POINTS:
			return kind == UW_POINTS ? 1 : 0;
		case PAIN_UNIT_MM:
			return kind == UW_MM ? 1 : kind == UW_CM ? 10 : 0;
		case PAIN_UNIT_PERCENT:
			return (kind == UW_PERCENT || kind == UW_POINTS) ? 1 : 0;
	}
	return 0;
}

static const char *
unit_description(const pain_instrument *in)
{
	switch (in->unit)
	{
		case PAIN_UNIT_POINTS:
			return "points";
		case PAIN_UNIT_MM:
			return "mm (or cm)";
		case PAIN_UNIT_PERCENT:
			return "% (or points)";
	}
	return "";
}

/* ---- the text parser ---- */

/* The pieces of a score found in the text, byte ranges into src. */
typedef struct pieces
{
	size_t		inst_b,
				inst_e;			/* instrument phrase */
	size_t		num_b,
				num_e;			/* the value */
	pnum		num;
	bool		has_den;
	size_t		den_b,
				den_e;
	pnum		den;
	size_t		unit_b,
				unit_e;			/* unit word, empty when none */
} pieces;

typedef struct parse_ctx
{
	const char *src;
	size_t		len;
	char		quoted[MSC_QUOTE_MAX * 4 + 8];
	msc_error  *err;
} parse_ctx;

static bool
syntax_fail(parse_ctx *cx, const char *hint, const char *detail_fmt, const char *arg)
{
	char		detail[MSC_ERRMSG_LEN];
	char		qarg[MSC_QUOTE_MAX * 4 + 8];

	if (arg)
	{
		msc_quote(qarg, sizeof(qarg), arg, strlen(arg));
		snprintf(detail, sizeof(detail), detail_fmt, qarg);
	}
	else
		snprintf(detail, sizeof(detail), "%s", detail_fmt);
	return msc_fail(cx->err, MSC_ERR_SYNTAX, detail, hint ? hint : syntax_hint,
					"invalid input syntax for type pain_score: \"%s\"", cx->quoted);
}

/* A copy of src[b..e) for messages (cut to fit). */
static const char *
piece(const parse_ctx *cx, size_t b, size_t e, char *buf, size_t buflen)
{
	size_t		n = e - b;

	if (n >= buflen)
		n = buflen - 1;
	memcpy(buf, cx->src + b, n);
	buf[n] = '\0';
	return buf;
}

static void
trim(const char *s, size_t *b, size_t *e)
{
	while (*b < *e && ascii_is_space(s[*b]))
		(*b)++;
	while (*e > *b && ascii_is_space(s[*e - 1]))
		(*e)--;
}

/* Is s[b..e) "nan", "inf" or "infinity" with an optional sign? */
static bool
is_nonfinite_word(const char *s, size_t b, size_t e)
{
	if (b < e && (s[b] == '+' || s[b] == '-'))
		b++;
	return equals_ci(s + b, e - b, "nan") || equals_ci(s + b, e - b, "inf") ||
		equals_ci(s + b, e - b, "infinity");
}

/*
 * Parse the number at *p (a sign is an error, so is an exponent glued to
 * it), then an optional "/denominator".
 */
static bool
parse_value(parse_ctx *cx, size_t *p, size_t e, pieces *pc)
{
	const char *s = cx->src;
	char		buf[PAIN_SCORE_MAX_INPUT + 1];
	size_t		q;

	if (*p < e && (s[*p] == '+' || s[*p] == '-'))
	{
		size_t		t = *p;

		while (t < e && !ascii_is_space(s[t]))
			t++;
		return syntax_fail(cx, NULL, "A score is written without a sign: \"%s\".",
						   piece(cx, *p, t, buf, sizeof(buf)));
	}
	pc->num_b = *p;
	if (!parse_number(s, e, p, &pc->num))
		return syntax_fail(cx, NULL, "No score value is given.", NULL);
	pc->num_e = *p;
	/* "7e1", "0x1A", "7,5" */
	if (*p < e && (s[*p] == 'e' || s[*p] == 'E') && starts_number(s, *p + 1, e))
		return syntax_fail(cx, NULL, "Exponents are not accepted: write the score as a plain decimal.", NULL);
	if (*p < e && (s[*p] == 'x' || s[*p] == 'X') && pc->num_e - pc->num_b == 1 && s[pc->num_b] == '0')
		return syntax_fail(cx, NULL, "Hexadecimal numbers are not accepted: write the score as a plain decimal.", NULL);
	if (*p < e && s[*p] == ',' && *p + 1 < e && ascii_is_digit(s[*p + 1]))
		return syntax_fail(cx, NULL, "Write the score with a full stop as the decimal mark and no thousands separators.", NULL);
	q = *p;
	while (q < e && ascii_is_space(s[q]))
		q++;
	if (q < e && s[q] == '/')
	{
		q++;
		while (q < e && ascii_is_space(s[q]))
			q++;
		pc->den_b = q;
		if (!starts_number(s, q, e) || s[q] == '+' || s[q] == '-' ||
			!parse_number(s, e, &q, &pc->den))
			return syntax_fail(cx, NULL, "A \"/\" after the score must be followed by the instrument's maximum, as in 7/10 NRS.", NULL);
		pc->den_e = q;
		pc->has_den = true;
		*p = q;
	}
	return true;
}

/*
 * After the value, when the instrument came first: an optional unit word,
 * then nothing.
 */
static bool
parse_tail(parse_ctx *cx, size_t p, size_t e, pieces *pc)
{
	const char *s = cx->src;
	char		buf[PAIN_SCORE_MAX_INPUT + 1];
	size_t		b = p;
	bool		word = true;

	trim(s, &b, &e);
	pc->unit_b = pc->unit_e = b;
	if (b == e)
		return true;
	for (size_t i = b; i < e; i++)
		if (!(s[i] == '%' || (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
			word = false;
	if (word && unit_word_find(s + b, e - b) < 0 && pain_instrument_lookup(s + b, e - b) != NULL)
		word = false;			/* "nrs 7 vas": a second instrument, not a unit */
	if (word && (unit_word_find(s + b, e - b) >= 0 || s[b] != '%'))
	{
		pc->unit_e = e;
		return true;
	}
	return syntax_fail(cx, NULL, "Unexpected \"%s\" after the score: a pain_score holds one score.",
					   piece(cx, b, e, buf, sizeof(buf)));
}

/* Split src into instrument phrase, value, denominator and unit. */
static bool
split(parse_ctx *cx, size_t b, size_t e, pieces *pc)
{
	const char *s = cx->src;
	char		buf[PAIN_SCORE_MAX_INPUT + 1];
	size_t		sep = e;
	size_t		p;

	memset(pc, 0, sizeof(*pc));
	for (size_t i = b; i < e; i++)
		if (s[i] == ':' || s[i] == '=')
		{
			sep = i;
			break;
		}

	if (sep < e)
	{
		/* instrument : value [unit] */
		pc->inst_b = b;
		pc->inst_e = sep;
		p = sep + 1;
		while (p < e && ascii_is_space(s[p]))
			p++;
		if (p == e)
			return syntax_fail(cx, NULL, "No score value is given.", NULL);
		if (!starts_number(s, p, e))
		{
			size_t		t = p;

			while (t < e && !ascii_is_space(s[t]))
				t++;
			if (is_nonfinite_word(s, p, t))
				return syntax_fail(cx, NULL, "NaN and Infinity are not scores.", NULL);
			return syntax_fail(cx, NULL, "\"%s\" is not a score: write a plain decimal number such as 7 or 45.5.",
							   piece(cx, p, e, buf, sizeof(buf)));
		}
		if (!parse_value(cx, &p, e, pc))
			return false;
		return parse_tail(cx, p, e, pc);
	}

	if (starts_number(s, b, e))
	{
		/* value[/max] [unit] instrument */
		size_t		t;

		p = b;
		if (!parse_value(cx, &p, e, pc))
			return false;
		while (p < e && ascii_is_space(s[p]))
			p++;
		t = p;
		while (t < e && !ascii_is_space(s[t]))
			t++;
		pc->unit_b = pc->unit_e = p;
		if (t > p && unit_word_find(s + p, t - p) >= 0)
		{
			pc->unit_e = t;
			p = t;
		}
		pc->inst_b = p;
		pc->inst_e = e;
		return true;
	}

	/* instrument value[/max] [unit]: the value is the first word that is a number */
	p = b;
	while (p < e)
	{
		if (p > b && ascii_is_space(s[p - 1]) && starts_number(s, p, e))
			break;
		p++;
	}
	if (p == e)
	{
		size_t		last = e;

		while (last > b && !ascii_is_space(s[last - 1]))
			last--;
		if (is_nonfinite_word(s, last, e))
			return syntax_fail(cx, NULL, "NaN and Infinity are not scores.", NULL);
		if (pain_instrument_lookup(s + b, e - b) != NULL)
			return syntax_fail(cx, NULL, "No score value is given.", NULL);
		return syntax_fail(cx, pain_instruments_hint, "\"%s\" is not an instrument followed by a score.",
						   piece(cx, b, e, buf, sizeof(buf)));
	}
	pc->inst_b = b;
	pc->inst_e = p;
	if (!parse_value(cx, &p, e, pc))
		return false;
	return parse_tail(cx, p, e, pc);
}

static bool
range_fail(msc_error *err, const pain_instrument *in, const char *quoted)
{
	char		range[128];

	format_range(in, range, sizeof(range));
	return msc_fail(err, MSC_ERR_RANGE, NULL, range_hint,
					"value \"%s\" is out of range for pain_score: %s", quoted, range);
}

static const char decimals_detail[] =
"A score keeps at most three decimals of the instrument's unit and is never rounded.";

bool
pain_score_parse(const char *src, size_t len, pain_score_t *out, msc_error *err)
{
	parse_ctx	cx;
	pieces		pc;
	size_t		b = 0,
				e = len;
	const pain_instrument *in;
	uint32_t	factor = 1;
	uint32_t	v;
	char		buf[PAIN_SCORE_MAX_INPUT + 1];

	if (!msc_check_input(src, len, PAIN_SCORE_MAX_INPUT, "pain_score", syntax_hint, err))
		return false;
	cx.src = src;
	cx.len = len;
	cx.err = err;
	msc_quote(cx.quoted, sizeof(cx.quoted), src, len);

	trim(src, &b, &e);
	if (b == e)
		return syntax_fail(&cx, NULL, "The input is empty.", NULL);
	if (!split(&cx, b, e, &pc))
		return false;

	trim(src, &pc.inst_b, &pc.inst_e);
	if (pc.inst_b == pc.inst_e)
		return syntax_fail(&cx, NULL, "No instrument is named: a bare number could be a score on any instrument.", NULL);
	in = pain_instrument_lookup(src + pc.inst_b, pc.inst_e - pc.inst_b);
	if (in == NULL)
	{
		const char *fd = family_detail(src + pc.inst_b, pc.inst_e - pc.inst_b);

		if (fd)
			return syntax_fail(&cx, pain_instruments_hint, fd, NULL);
		return syntax_fail(&cx, pain_instruments_hint, "\"%s\" is not a known instrument.",
						   piece(&cx, pc.inst_b, pc.inst_e, buf, sizeof(buf)));
	}

	if (pc.unit_e > pc.unit_b)
	{
		int			kind = unit_word_find(src + pc.unit_b, pc.unit_e - pc.unit_b);
		char		detail[MSC_ERRMSG_LEN];

		factor = kind < 0 ? 0 : unit_factor(in, kind);
		if (factor == 0)
		{
			char		qunit[MSC_QUOTE_MAX * 4 + 8];

			msc_quote(qunit, sizeof(qunit), src + pc.unit_b, pc.unit_e - pc.unit_b);
			snprintf(detail, sizeof(detail), "\"%s\" is not a unit of %s, which is scored in %s.",
					 qunit, in->name, unit_description(in));
			return msc_fail(err, MSC_ERR_SYNTAX, detail,
							"Give the score without a unit or in the instrument's own unit, "
							"e.g. nrs:7, NRS 7/10, VAS 45 mm, VAS 4.5 cm, ODI 38%.",
							"invalid input syntax for type pain_score: \"%s\"", cx.quoted);
		}
	}

	switch (pnum_thousandths(&pc.num, factor, &v))
	{
		case PNUM_PRECISE:
			{
				char		detail[MSC_ERRMSG_LEN];
				char		qnum[MSC_QUOTE_MAX * 4 + 8];

				msc_quote(qnum, sizeof(qnum), src + pc.num_b, pc.num_e - pc.num_b);
				if (factor == 10)
					snprintf(detail, sizeof(detail),
							 "The score \"%s\" cm needs more than three decimals in mm: a score keeps at most three decimals of its unit and is never rounded.",
							 qnum);
				else
					snprintf(detail, sizeof(detail),
							 "The score \"%s\" has more than three decimals: a score keeps at most three decimals of its unit and is never rounded.",
							 qnum);
				return msc_fail(err, MSC_ERR_SYNTAX, detail,
								"Enter the score with at most three decimals, e.g. nrs:7.125 or vas:45.125.",
								"invalid input syntax for type pain_score: \"%s\"", cx.quoted);
			}
		case PNUM_BIG:
			return range_fail(err, in, cx.quoted);
		case PNUM_OK:
			break;
	}

	if (pc.has_den)
	{
		uint32_t	den;

		if (pnum_thousandths(&pc.den, factor, &den) != PNUM_OK || den != in->max)
		{
			char		range[128];
			char		detail[MSC_ERRMSG_LEN];
			char		qden[MSC_QUOTE_MAX * 4 + 8];

			format_range(in, range, sizeof(range));
			msc_quote(qden, sizeof(qden), src + pc.den_b, pc.den_e - pc.den_b);
			snprintf(detail, sizeof(detail),
					 "The denominator \"%s\" is not the maximum of %s: %s.",
					 qden, in->name, range);
			return msc_fail(err, MSC_ERR_SYNTAX, detail,
							"Write a score out of the instrument's maximum, e.g. 7/10 NRS, or as instrument:value, e.g. nrs:7.",
							"invalid input syntax for type pain_score: \"%s\"", cx.quoted);
		}
	}

	if (v < in->min || v > in->max)
		return range_fail(err, in, cx.quoted);

	*out = pain_score_pack(in->code, v);
	return true;
}

/* ---- pain_score(instrument, numeric) ---- */

static bool
unknown_instrument(msc_error *err, const char *instrument, size_t ilen)
{
	char		q[MSC_QUOTE_MAX * 4 + 8];

	msc_quote(q, sizeof(q), instrument, ilen);
	return msc_fail(err, MSC_ERR_PARAM, family_detail(instrument, ilen), pain_instruments_hint,
					"unknown pain instrument: \"%s\"", q);
}

bool
pain_score_make(const char *instrument, size_t ilen, const char *number,
				size_t nlen, pain_score_t *out, msc_error *err)
{
	const pain_instrument *in;
	char		q[MSC_QUOTE_MAX * 4 + 8];
	size_t		p = 0;
	pnum		n;
	uint32_t	v;

	msc_error_clear(err);
	in = pain_instrument_lookup(instrument, ilen);
	if (in == NULL)
		return unknown_instrument(err, instrument, ilen);
	msc_quote(q, sizeof(q), number, nlen);
	if (equals_ci(number, nlen, "nan"))
		return msc_fail(err, MSC_ERR_PARAM, NULL,
						"A score is a finite decimal number within the instrument's range.",
						"value \"%s\" is not a valid pain score", q);
	if (nlen > 0 && number[0] == '-')
		return range_fail(err, in, q);
	if (is_nonfinite_word(number, 0, nlen))
		return range_fail(err, in, q);
	if (!parse_number(number, nlen, &p, &n) || p != nlen)
		return msc_fail(err, MSC_ERR_PARAM, NULL, NULL,
						"value \"%s\" is not a decimal number", q);
	switch (pnum_thousandths(&n, 1, &v))
	{
		case PNUM_PRECISE:
			return msc_fail(err, MSC_ERR_PARAM, decimals_detail,
							"Round the value first, e.g. with round(value, 3), if rounding is what you mean.",
							"value \"%s\" has more than three decimals", q);
		case PNUM_BIG:
			return range_fail(err, in, q);
		case PNUM_OK:
			break;
	}
	if (v < in->min || v > in->max)
		return range_fail(err, in, q);
	*out = pain_score_pack(in->code, v);
	return true;
}

/* ---- severity and rescaling ---- */

double
pain_score_severity(pain_score_t s)
{
	const pain_instrument *in = pain_instrument_by_code(pain_score_code(s));
	double		v = (double) pain_score_value(s);

	if (in == NULL || in->max <= in->min)
		return 0.0;
	if (in->higher_is_worse)
		return (v - (double) in->min) * 100.0 / (double) (in->max - in->min);
	return ((double) in->max - v) * 100.0 / (double) (in->max - in->min);
}

bool
pain_score_rescale(pain_score_t s, const char *instrument, size_t ilen,
				   pain_score_t *out, msc_error *err)
{
	const pain_instrument *to;
	int			from = pain_score_code(s);
	uint32_t	v = pain_score_value(s);
	char		text[PAIN_SCORE_TEXT_MAX];

	msc_error_clear(err);
	to = pain_instrument_lookup(instrument, ilen);
	if (to == NULL)
		return unknown_instrument(err, instrument, ilen);
	pain_score_format(s, text, sizeof(text));
	if (to->code == from)
	{
		*out = s;
		return true;
	}
	if (from == PAIN_NRS && to->code == PAIN_VAS)
	{
		*out = pain_score_pack(PAIN_VAS, v * 10);
		return true;
	}
	if (from == PAIN_VAS && to->code == PAIN_NRS)
	{
		if (v % 10 != 0)
		{
			char		num[24];
			uint32_t	frac = v % 10000;
			int			digits = 4;

			while (frac != 0 && frac % 10 == 0)
			{
				frac /= 10;
				digits--;
			}
			snprintf(num, sizeof(num), "%lu.%0*lu", (unsigned long) (v / 10000),
					 digits, (unsigned long) frac);
			return msc_fail(err, MSC_ERR_RANGE, NULL,
							"pain_score keeps at most three decimals: vas scores with at most two decimals rescale to nrs exactly.",
							"rescaling \"%s\" to nrs gives %s, which cannot be represented exactly",
							text, num);
		}
		*out = pain_score_pack(PAIN_NRS, v / 10);
		return true;
	}
	return msc_fail(err, MSC_ERR_PARAM, NULL,
					"Only nrs and vas are linearly related (1 nrs point = 10 mm vas); other instruments are not converted.",
					"cannot rescale \"%s\" to %s", text, to->name);
}

/* ---- type modifier ---- */

bool
pain_score_typmod_parse(const char *const *items, int nitems, int32_t *typmod,
						msc_error *err)
{
	const pain_instrument *in;
	char		q[MSC_QUOTE_MAX * 4 + 8];

	msc_error_clear(err);
	if (nitems != 1 || items == NULL || items[0] == NULL)
		return msc_fail(err, MSC_ERR_PARAM, NULL, pain_instruments_hint,
						"pain_score takes exactly one type modifier, the instrument, as in pain_score(nrs)");
	in = pain_instrument_lookup(items[0], strlen(items[0]));
	if (in == NULL)
	{
		msc_quote(q, sizeof(q), items[0], strlen(items[0]));
		return msc_fail(err, MSC_ERR_PARAM, family_detail(items[0], strlen(items[0])),
						pain_instruments_hint,
						"invalid type modifier of pain_score: \"%s\" is not a known instrument", q);
	}
	*typmod = in->code;
	return true;
}

bool
pain_score_check_typmod(pain_score_t s, int32_t typmod, msc_error *err)
{
	const pain_instrument *want;
	char		text[PAIN_SCORE_TEXT_MAX];

	msc_error_clear(err);
	if (typmod < 0 || pain_score_code(s) == typmod)
		return true;
	want = pain_instrument_by_code(typmod);
	if (want == NULL)
		return msc_fail(err, MSC_ERR_PARAM, NULL, NULL,
						"invalid type modifier %ld of pain_score", (long) typmod);
	pain_score_format(s, text, sizeof(text));
	if ((pain_score_code(s) == PAIN_NRS && typmod == PAIN_VAS) ||
		(pain_score_code(s) == PAIN_VAS && typmod == PAIN_NRS))
	{
		char		hint[MSC_ERRMSG_LEN];

		snprintf(hint, sizeof(hint),
				 "Convert it with rescale(value, '%s'), or use a plain pain_score column.",
				 want->name);
		return msc_fail(err, MSC_ERR_PARAM, NULL, hint,
						"value \"%s\" does not fit pain_score(%s)", text, want->name);
	}
	return msc_fail(err, MSC_ERR_PARAM, NULL,
					"A pain_score(instrument) column holds scores of that instrument only; a plain pain_score column holds any.",
					"value \"%s\" does not fit pain_score(%s)", text, want->name);
}

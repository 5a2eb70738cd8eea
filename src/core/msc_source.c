/*
 * msc_source.c — vocabulary and parser of MSC source tissues.
 *
 * Synonyms are the abbreviations and phrases of the literature and of
 * ClinicalTrials.gov records; each is matched whole after normalisation,
 * and again after dropping "human" in front and cell nouns ("MSC",
 * "mesenchymal stem cells", "derived") behind, so "hUC-MSC" and "adipose
 * tissue-derived mesenchymal stromal cells" need no entry of their own.
 */
#include "msc_source.h"

#include <stdio.h>
#include <string.h>

static const char *const bone_marrow_syn[] = {
	"bone marrow", "marrow", "BM", "BMSC", "BMSCs", "BMMSC", "BMMSCs",
	"BMAC", "bone marrow aspirate concentrate", "bone marrow concentrate",
	"BMC", NULL
};
static const char *const adipose_syn[] = {
	"adipose", "adipose tissue", "fat", "AD", "AT", "ADSC", "ADSCs",
	"ADMSC", "ADMSCs", "ASC", "ASCs", "SVF",
	"stromal vascular fraction", "adipose stromal vascular fraction",
	"lipoaspirate", "microfragmented adipose tissue", "MFAT", NULL
};
static const char *const umbilical_cord_syn[] = {
	"umbilical cord", "umbilical cord tissue", "cord tissue", "UC",
	"UCMSC", "UCMSCs", "hUCMSC", "Wharton's jelly", "Wharton jelly", "WJ",
	"WJMSC", "WJMSCs", NULL
};
static const char *const cord_blood_syn[] = {
	"cord blood", "umbilical cord blood", "UCB", "hUCB", "CB", "UCBMSC", NULL
};
static const char *const placenta_syn[] = {
	"placenta", "placental", "PD", "PMSC", "PDMSC", NULL
};
static const char *const amniotic_syn[] = {
	"amniotic", "amnion", "amniotic membrane", "amniotic fluid", "AM",
	"AF", "hAMSC", "AFMSC", NULL
};
static const char *const dental_pulp_syn[] = {
	"dental pulp", "DP", "DPSC", "DPSCs", "SHED",
	"exfoliated deciduous teeth",
	"stem cells from human exfoliated deciduous teeth", NULL
};
static const char *const synovial_syn[] = {
	"synovial", "synovium", "synovial membrane", "synovial fluid", "SM",
	"SMSC", "SMSCs", NULL
};
static const char *const peripheral_blood_syn[] = {
	"peripheral blood", "PB", "PBMSC", NULL
};
static const char *const menstrual_blood_syn[] = {
	"menstrual blood", "menstrual", "MenSC", "MenSCs", "MenMSC", NULL
};
static const char *const ipsc_derived_syn[] = {
	"iPSC", "iPSCs", "iPSC-derived", "iPS", "iMSC", "iMSCs",
	"induced pluripotent stem cell", "induced pluripotent stem cells", NULL
};

/* Indexed by code - 1. */
static const msc_vocab_entry source_vocab[] = {
	{MSC_SOURCE_BONE_MARROW, "bone_marrow", "Bone marrow", bone_marrow_syn},
	{MSC_SOURCE_ADIPOSE, "adipose", "Adipose tissue", adipose_syn},
	{MSC_SOURCE_UMBILICAL_CORD, "umbilical_cord", "Umbilical cord (incl. Wharton's jelly)", umbilical_cord_syn},
	{MSC_SOURCE_CORD_BLOOD, "cord_blood", "Umbilical cord blood", cord_blood_syn},
	{MSC_SOURCE_PLACENTA, "placenta", "Placenta", placenta_syn},
	{MSC_SOURCE_AMNIOTIC, "amniotic", "Amniotic membrane or fluid", amniotic_syn},
	{MSC_SOURCE_DENTAL_PULP, "dental_pulp", "Dental pulp (incl. exfoliated deciduous teeth)", dental_pulp_syn},
	{MSC_SOURCE_SYNOVIAL, "synovial", "Synovium", synovial_syn},
	{MSC_SOURCE_PERIPHERAL_BLOOD, "peripheral_blood", "Peripheral blood", peripheral_blood_syn},
	{MSC_SOURCE_MENSTRUAL_BLOOD, "menstrual_blood", "Menstrual blood", menstrual_blood_syn},
	{MSC_SOURCE_IPSC_DERIVED, "ipsc_derived", "iPSC-derived", ipsc_derived_syn},
};

#define N_SOURCES (sizeof(source_vocab) / sizeof(source_vocab[0]))

/* Words that say "a human cell" rather than which tissue it came from. */
static const char *const leading_noise[] = {"human", "h", NULL};
static const char *const trailing_noise[] = {
	"msc", "mscs", "mesenchymal", "stem", "stromal", "cell", "cells",
	"derived", "sc", "scs", "progenitor", "progenitors", NULL
};

static const char source_hint[] =
"Use one of bone_marrow, adipose, umbilical_cord, cord_blood, placenta, "
"amniotic, dental_pulp, synovial, peripheral_blood, menstrual_blood, "
"ipsc_derived, or a synonym listed by msc_sources(), such as BM-MSC, "
"AD-MSC, SVF, UC-MSC, WJ-MSC or DPSC.";

bool
msc_source_valid(int code)
{
	return code > MSC_SOURCE_INVALID && code < MSC_SOURCE_COUNT;
}

const msc_vocab_entry *
msc_source_entry(int code)
{
	return msc_source_valid(code) ? &source_vocab[code - 1] : NULL;
}

bool
msc_source_parse(const char *src, size_t len, uint8_t *code, msc_error *err)
{
	char		key[MSC_KEY_MAX];
	char		quoted[MSC_QUOTE_MAX * 4 + 8];
	const msc_vocab_entry *e;

	if (!msc_check_input(src, len, MSC_SOURCE_MAX_INPUT, "msc_source",
						 source_hint, err))
		return false;
	/* the canonical label, as the output function writes it (COPY, dumps):
	 * the look-up below would find the same entry (test_msc_text checks) */
	for (size_t i = 0; i < N_SOURCES; i++)
		if (strncmp(src, source_vocab[i].canonical, len) == 0 &&
			source_vocab[i].canonical[len] == '\0')
		{
			*code = (uint8_t) source_vocab[i].code;
			return true;
		}
	if (msc_normalize(src, len, key, sizeof(key)) && key[0] != '\0')
	{
		e = msc_vocab_find(source_vocab, N_SOURCES, key);
		if (e == NULL && msc_strip_words(key, leading_noise, trailing_noise))
		{
			e = msc_vocab_find(source_vocab, N_SOURCES, key);
			/* "hUC-MSC", "hBM-MSCs": a glued "h" for human before the tissue */
			if (e == NULL && key[0] == 'h' && key[1] != '\0')
				e = msc_vocab_find(source_vocab, N_SOURCES, key + 1);
		}
		if (e != NULL)
		{
			*code = (uint8_t) e->code;
			return true;
		}
	}
	msc_quote(quoted, sizeof(quoted), src, len);
	return msc_fail(err, MSC_ERR_SYNTAX, NULL, source_hint,
					"invalid input syntax for type msc_source: \"%s\"", quoted);
}

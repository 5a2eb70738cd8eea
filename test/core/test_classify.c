/*
 * Unit tests of the free-text classifiers: hand-written phrases (with the
 * traps of registry prose: "IVD", "SC" for stem cells, grade II-IV,
 * "allogeneic or autologous", cord blood versus cord, product codes,
 * drug routes, ranges and concentrations), then 200,000 random and
 * mutated inputs under ASan and UBSan, long inputs and clause limits.
 */
#include "unit.h"
#include "classify.h"

#include <time.h>

#include <stdlib.h>

/* ---- helpers: expected answers as canonical text ---- */

static void
sources_are(const char *text, const char *want)
{
	uint8_t		codes[MSC_SOURCE_COUNT];
	char		got[256] = "";
	int			n = msc_classify_sources(text, strlen(text), codes, NULL);

	for (int i = 0; i < n; i++)
	{
		strcat(got, i ? "," : "");
		strcat(got, msc_source_entry(codes[i])->canonical);
	}
	CHECK(strcmp(got, want) == 0, "sources of \"%s\": got \"%s\", want \"%s\"", text, got, want);
}

static void
routes_are(const char *text, const char *want)
{
	uint8_t		codes[MSC_ROUTE_COUNT];
	char		got[256] = "";
	int			n = msc_classify_routes(text, strlen(text), codes, NULL);

	for (int i = 0; i < n; i++)
	{
		strcat(got, i ? "," : "");
		strcat(got, msc_route_info_of(codes[i])->vocab.canonical);
	}
	CHECK(strcmp(got, want) == 0, "routes of \"%s\": got \"%s\", want \"%s\"", text, got, want);
}

static void
donor_is(const char *text, const char *want)
{
	int			d = msc_classify_donor(text, strlen(text), NULL);
	const char *got = d ? msc_donor_label(d) : "";

	CHECK(strcmp(got, want) == 0, "donor of \"%s\": got \"%s\", want \"%s\"", text, got, want);
}

static void
manipulation_is(const char *text, const char *want)
{
	int			m = msc_classify_manipulation(text, strlen(text), NULL);
	const char *got = m ? msc_manipulation_label(m) : "";

	CHECK(strcmp(got, want) == 0, "manipulation of \"%s\": got \"%s\", want \"%s\"",
		  text, got, want);
}

static void
dose_is(const char *text, const char *want)
{
	msc_cell_dose d;
	char		got[MSC_CELL_DOSE_TEXT_MAX] = "";

	if (msc_classify_dose(text, strlen(text), &d, NULL))
		msc_cell_dose_format(&d, got, sizeof(got));
	CHECK(strcmp(got, want) == 0, "dose of \"%s\": got \"%s\", want \"%s\"", text, got, want);
}

/* ---- hand-written phrases ---- */

static void
test_the_design_example(void)
{
	const char *t = "Autologous adipose-derived mesenchymal stromal cells, 1x10^8 cells in 4 mL, "
		"single intra-articular injection";

	sources_are(t, "adipose");
	routes_are(t, "intra_articular");
	donor_is(t, "autologous");
	manipulation_is(t, "");
	dose_is(t, "1e8 cells");
}

static void
test_sources(void)
{
	sources_are("bone marrow-derived mesenchymal stem cells", "bone_marrow");
	sources_are("BM-MSCs", "bone_marrow");
	sources_are("hBMSCs and hUC-MSCs", "bone_marrow,umbilical_cord");
	sources_are("bone marrow aspirate", "bone_marrow");
	sources_are("bone marrow aspirate concentrate (BMAC)", "bone_marrow");
	sources_are("adipose tissue-derived stromal vascular fraction", "adipose");
	sources_are("SVF", "adipose");
	sources_are("microfragmented adipose tissue (Lipogems)", "adipose");
	sources_are("autologous fat graft", "adipose");
	sources_are("a low-fat diet", "");
	sources_are("umbilical cord blood", "cord_blood");
	sources_are("umbilical cord", "umbilical_cord");
	sources_are("umbilical cord blood-derived MSCs and umbilical cord MSCs", "cord_blood,umbilical_cord");
	sources_are("Wharton's jelly MSCs", "umbilical_cord");
	sources_are("Wharton\xE2\x80\x99s jelly", "umbilical_cord");
	sources_are("umbilical mesenchymal stem cells", "umbilical_cord");
	sources_are("human umbilical vein endothelial cells", "");
	sources_are("UCB-MSC", "cord_blood");
	sources_are("placenta-derived MSCs", "placenta");
	sources_are("amniotic membrane transplant", "");
	sources_are("human amniotic mesenchymal stem cells", "amniotic");
	sources_are("stem cells from human exfoliated deciduous teeth (SHED)", "dental_pulp");
	sources_are("dental pulp stem cells", "dental_pulp");
	sources_are("synovial fluid supplement", "");
	sources_are("synovial membrane-derived MSCs", "synovial");
	sources_are("peripheral blood stem cell transplantation", "");
	sources_are("peripheral blood-derived mesenchymal stem cells", "peripheral_blood");
	sources_are("menstrual blood-derived stem cells", "menstrual_blood");
	sources_are("PD-MSCs, AM-MSCs, DP-MSCs and SM-MSCs", "placenta,amniotic,dental_pulp,synovial");
	sources_are("patients with PD", "");
	sources_are("human autologous MSC (hAMSC)", "");
	sources_are("every menstrual cycle", "");
	sources_are("iPSC-derived mesenchymal stromal cells", "ipsc_derived");
	sources_are("induced pluripotent stem cells", "ipsc_derived");
	/* what a source is not */
	sources_are("bone marrow edema of the knee", "");
	sources_are("bone marrow failure syndromes", "");
	sources_are("spinal cord injury", "");
	sources_are("spinal cord tissue", "");
	sources_are("ulcerative colitis (UC)", "");
	sources_are("Alzheimer's disease (AD)", "");
	sources_are("NEUROSTEM-AD", "");
	sources_are("ALLO-ASC-DFU sheet", "");
	sources_are("HB-adMSCs", "");
	sources_are("CB-AC-02", "");
	sources_are("they shed cells", "");
	/* haematopoietic transplant records */
	sources_are("Cord blood transplantation on day 0 | Cord Blood Infusion", "");
	sources_are("MSCs after allogeneic bone marrow transplantation; donor bone marrow stromal cells",
				"bone_marrow");
	sources_are("non-haematopoietic cells expanded from bone marrow", "bone_marrow");
	/* generic statements */
	sources_are("MSCs can be isolated from bone marrow, umbilical cord and adipose tissue", "");
	/* order of first mention */
	sources_are("adipose or bone marrow; then adipose again", "adipose,bone_marrow");
	sources_are("MSCs recovered from bone marrows of healthy donors", "bone_marrow");
}

static void
test_routes(void)
{
	routes_are("intra-articular injection", "intra_articular");
	routes_are("intraarticular", "intra_articular");
	routes_are("injected intra-articularly", "intra_articular");
	routes_are("administered into the knee joint", "intra_articular");
	routes_are("intradiscal injection", "intradiscal");
	routes_are("injected into the degenerated lumbar disc", "intradiscal");
	routes_are("degenerative intervertebral disc disease (IVD)", "");
	routes_are("IVD degeneration", "");
	routes_are("IV infusion of MSCs", "intravenous");
	routes_are("given i.v. on day 1", "intravenous");
	routes_are("MSCs by peripheral vein", "intravenous");
	routes_are("intravenously", "intravenous");
	routes_are("grade II-IV acute GVHD", "");
	routes_are("class III, IV or V lupus nephritis", "");
	routes_are("Retrobulbar (RB) | IVIT (Intravitreal)", "");
	routes_are("intrathecal (IT) administration", "intrathecal");
	routes_are("via lumbar puncture", "intrathecal");
	routes_are("MSCs infused intrathecaly", "intrathecal");
	routes_are("subarachnoid administration", "subarachnoid");
	routes_are("subarachnoid hemorrhage", "");
	routes_are("epidural injection of MSCs", "epidural");
	routes_are("intralesional injection", "intralesional");
	routes_are("implanted into the necrotic lesion", "intralesional");
	routes_are("intratendinous injection", "intratendinous");
	routes_are("ultrasonographic guided intra-tendon injection", "intratendinous");
	routes_are("3,000,000 cells/kg into the right hepatic artery", "intra_arterial");
	routes_are("periarticular", "periarticular");
	routes_are("perineural injection", "perineural");
	routes_are("IM injection of PLX-PAD cells", "intramuscular");
	routes_are("MSCs in 'SC' (stem cells) therapy", "");
	routes_are("AlloRx SC\xC2\xAE", "");
	routes_are("subcutaneous abdominal adipose tissue will be harvested", "");
	routes_are("MSCs injected subcutaneously", "subcutaneous");
	routes_are("MSCs given s.c. or SQ", "subcutaneous");
	routes_are("extradural injection", "epidural");
	routes_are("intradermal injection", "intradermal");
	routes_are("infused through the hepatic artery", "intra_arterial");
	routes_are("via the coronary artery", "");
	routes_are("intracoronary infusion", "");
	routes_are("SMUP-IA-01", "");
	routes_are("Given IA over 20 minutes", "");
	routes_are("STEM CELLS TO TREAT IT", "");
	/* routes of drugs */
	routes_are("Methylprednisolone 2 mg/kg administered intravenously.", "");
	routes_are("filgrastim 5 mcg/kg/day subcutaneously", "");
	routes_are("daily subcutaneous injections of filgrastim; stem cells", "");
	routes_are("intra-articular knee injection of corticosteroid", "");
	/* intravenous things that are not the cells' route */
	routes_are("IV sedation during bone marrow harvest of MSCs", "");
	routes_are("IV fluids and MSCs", "");
	routes_are("intravenous antibiotics after the MSC injection", "");
	routes_are("intravenous contrast", "");
	routes_are("MSCs and PRP by intravenous infusion", "intravenous");
	routes_are("MSCs via the hepatic artery | conserved therapy: oral or intravenous administration",
			   "intra_arterial");
	/* order */
	routes_are("intravenous infusion, then intra-articular injection, then IV again",
			   "intravenous,intra_articular");
	/* issue 15: routes stated in words */
	routes_are("patients undergo donor MSC infusion over 10-15 minutes", "intravenous");
	routes_are("Human umbilical cord derived MSCs | Infusion of MSCs", "intravenous");
	routes_are("2 infusions of 10 X 10^6 MSC/kg every 3 months", "intravenous");
	routes_are("MSC was infused in 100 ml of normal saline", "intravenous");
	routes_are("single infusion group: UC-MSCs intra-articular knee injection", "intra_articular");
	routes_are("MSCs infused into the infarct-related blood vessel", "");
	routes_are("intracavitary infusion of hUMSCs", "");
	routes_are("MSCs infused through the portal vein", "");
	routes_are("BM-MSC delivery through cardiopulmonary bypass; BM-MSC infusion during surgery", "");
	routes_are("Cord Blood Infusion | MSCs expand the cord blood", "");
	routes_are("Rituximab 100 mg, the infusion should be a total of 4 times", "");
	routes_are("injecting 50x10^6 MSCs in the knee", "intra_articular");
	routes_are("MSCs will be injected into the hip joint", "intra_articular");
	routes_are("single knee administration of MSCs", "intra_articular");
	routes_are("MSCs injected in each knee", "intra_articular");
	routes_are("IA injected at the target knee with 3 mL of MSCs", "intra_articular");
	routes_are("ADSCs injected into the facet joint", "intra_articular");
	routes_are("facet joint injection of MSCs", "intra_articular");
	routes_are("knee osteoarthritis in the knee", "");
	routes_are("MSCs injected into the tendon-bone junction", "intratendinous");
	routes_are("MSCs injected into the injury site under ultrasound", "intralesional");
	routes_are("SVF injected into the subcutaneous tissue of each finger", "subcutaneous");
	routes_are("fat from the abdominal subcutaneous tissue will be taken", "");
	routes_are("lumbar administration of 5 mL of cells and 5 mL of cerebrospinal fluid", "intrathecal");
	routes_are("lumbar injection of an anaesthetic", "");
	routes_are("via a central venous catheter", "intravenous");
	routes_are("infused via peripheral venous access", "intravenous");
	routes_are("IM injection of MSCs on day 1; MSCs intrathecally on day 30", "intramuscular,intrathecal");
	/* after the unseen100 run */
	routes_are("Islet transplantation patients will receive autologous MSCs following islets infusion", "");
	routes_are("One time infusion of islets plus BM-MSCs", "intravenous");
	routes_are("Intradermic application of MSCs around the ulcer", "intradermal");
	routes_are("MSCs IT infusion | sham puncture without reaching subarachnoid space", "intrathecal");
	routes_are("Umbilical Cord Blood Transplantation | Busulfan | Given IV | receive a cord blood transplant IV on day 0", "");
	routes_are("Sodium Chloride (0.9%) intravenous infusion preparation is a sterile solution", "");
	routes_are("intravenously", "intravenous");
	routes_are("Injection of hAMSCs to local skin lesions", "intralesional");
}

static void
test_donor(void)
{
	donor_is("autologous bone marrow MSCs", "autologous");
	donor_is("Auotologous AMSCs", "autologous");
	donor_is("autogenous MSCs", "autologous");
	donor_is("the patient's own adipose tissue", "autologous");
	donor_is("allogeneic umbilical cord MSCs", "allogeneic");
	donor_is("allogenic MSCs", "allogeneic");
	donor_is("Allogenous mesenchymal stromal cells", "allogeneic");
	donor_is("MSCs expanded from bone marrow from healthy donors", "allogeneic");
	donor_is("Third party donor Mesenchymal Stem Cells", "allogeneic");
	donor_is("Allo-hMSCs", "allogeneic");
	donor_is("Auto-hMSCs", "autologous");
	donor_is("ALLO-ASC-DFU", "");
	/* both stated: no answer */
	donor_is("allogeneic or autologous MSCs", "");
	donor_is("Arm A: autologous SVF. Arm B: allogenic MSCs of healthy donors", "");
	/* not about the cells */
	donor_is("MSCs in allogenic AB plasma; Autologous Serum as placebo", "");
	donor_is("autologous PRP", "");
	donor_is("autologous chondrocyte implantation", "");
	donor_is("after allogeneic hematopoietic stem cell transplantation", "");
	donor_is("allogeneic stem cell transplantation", "");
	donor_is("allogeneic MSC transplantation", "allogeneic");
	donor_is("Autologous transplantation of bone marrow mesenchymal stem cells", "autologous");
	donor_is("autogenous cortical bone", "");
	donor_is("It does not use allogenic tissues", "");
	donor_is("Fulfills healthy donor criteria as per WHO/AABB guidelines for plasma", "");
	donor_is("Bone Marrow Donor Protocol", "");
	donor_is("donor site morbidity", "");
	donor_is("MSCs are recovered from bone marrows of healthy donors", "allogeneic");
	/* "donor" alone speaks of the cells only right before an MSC word */
	donor_is("donor MSCs", "allogeneic");
	donor_is("donor mesenchymal stem cells", "allogeneic");
	donor_is("donor bone marrow stromal cells", "allogeneic");
}

static void
test_manipulation(void)
{
	manipulation_is("ex vivo cultured adult human mesenchymal stem cells", "culture_expanded");
	manipulation_is("culture-expanded MSCs", "culture_expanded");
	manipulation_is("MSCs expanded ex vivo for 3-4 weeks", "culture_expanded");
	manipulation_is("cells at passage 3", "culture_expanded");
	manipulation_is("ADSCs were collected after the third passage", "culture_expanded");
	manipulation_is("expanded adipose-derived stem cells (eASCs)", "culture_expanded");
	manipulation_is("the cells are isolated from adipose tissue and expanded", "culture_expanded");
	manipulation_is("BMAC", "minimally_manipulated");
	manipulation_is("bone marrow aspirate concentrate", "minimally_manipulated");
	manipulation_is("adipose tissue-derived stromal vascular fraction", "minimally_manipulated");
	manipulation_is("Lipogems microfragmented adipose tissue", "minimally_manipulated");
	manipulation_is("adipose derived regenerative cells (ADRC)", "minimally_manipulated");
	manipulation_is("bone marrow mononuclear cells", "minimally_manipulated");
	manipulation_is("bone marrow aspirate", "");
	manipulation_is("Culture and isolation of autologous bone-marrow mesenchymal stem cells", "culture_expanded");
	manipulation_is("culture of MSCs for three weeks", "culture_expanded");
	manipulation_is("culture of the fistula tract", "");
	manipulation_is("mesenchymal stem cells", "");
	/* traps */
	manipulation_is("Expanded Access Program", "");
	manipulation_is("Expanded Disability Status Scale", "");
	manipulation_is("cultured chondrocytes", "");
	manipulation_is("a normal blood culture", "");
	manipulation_is("peripheral blood mononuclear cells", "");
	manipulation_is("Non-cultured Autologous Keratinocyte Suspension", "");
	manipulation_is("SVF-derived MSC: the SVF will be cultured to obtain MSC", "culture_expanded");
	/* both stated */
	manipulation_is("BMAC versus culture-expanded BM-MSCs", "");
	/* issue 15 */
	manipulation_is("MSCs derived from bone marrow and propagated ex vivo", "culture_expanded");
	manipulation_is("stem cell isolation, expansion and preparation", "culture_expanded");
	manipulation_is("Stromal vascular factor from adipose tissue", "minimally_manipulated");
	manipulation_is("bone marrow aspirate centrifuged to concentrate the cells", "minimally_manipulated");
	manipulation_is("perforated to allow the passage of cells and growth factors", "");
	manipulation_is("human cord blood mononuclear cells and hUC-MSCs", "");
	manipulation_is("MSC are collected from autologous bone marrow mononuclear cells", "");
}

static void
test_issue15_sources_donor(void)
{
	sources_are("hUMSCs in the cavity", "umbilical_cord");
	sources_are("human cord blood mononuclear cells and human umbilical cord MSCs", "umbilical_cord");
	sources_are("MSCs Combined With Cord Blood for Treatment of Graft Failure", "");
	donor_is("a single i.v infusion of donor ex-vivo expanded MSC", "allogeneic");
	donor_is("mesenchymal stem cells infusion from related donor", "allogeneic");
	donor_is("MSCs cultured and extracted from the bone marrow of the patients", "autologous");
	donor_is("MSCs collection from patients owns marrow", "autologous");
	donor_is("Bone marrow harvested from each individual patient's iliac crest", "autologous");
	donor_is("Healthy volunteer bone marrow harvest", "allogeneic");
	donor_is("Autologous Collagen Induced Chondrogenesis with BMAC", "");
	donor_is("HSCT from a related donor", "");
	donor_is("undergo autologous bone marrow stem cell transplantation into the lesion area", "autologous");
	donor_is("autologous stem cell transplantation for myeloma", "");
	donor_is("Human Autograft Mesenchymal Stem Cell", "autologous");
	donor_is("iliac crest bone autograft", "");
	donor_is("islet of allograft and MSCs of autograft", "autologous");
	donor_is("allogeneic human umbilical cord blood (hUCB)-derived mesenchymal stem cell", "allogeneic");
	donor_is("allogeneic cord blood (UCB) transplantation", "");
	manipulation_is("Mesenchymal Stem Cells (MSCs) will be isolated and cultivated in vitro", "culture_expanded");
	manipulation_is("Adipose-derived stem cells without expanded", "minimally_manipulated");
	manipulation_is("Hypoxic cultured MSCs | hypoxic-cultured bone marrow mononuclear cells", "culture_expanded");
}

static void
test_dose(void)
{
	dose_is("1.5 x 10^6 cells/kg", "1.5e6 cells/kg");
	dose_is("two injections of 5 million cells", "5e6 cells");
	dose_is("2 million hMSCs/kg actual body weight", "2e6 cells/kg");
	dose_is("8 million cells per kg of body weight", "8e6 cells/kg");
	dose_is("1x10^8 cells in 4 mL", "1e8 cells");
	dose_is("5 \xC3\x97 10\xE2\x81\xB7 cells", "5e7 cells");
	dose_is("2.0 x 10^8 cells on day 0", "2e8 cells");
	dose_is("60x106 MSCs", "6e7 cells");
	dose_is("2 x 107 cells", "2e7 cells");
	dose_is("(5\xC3\x97" "10^5/kg)", "5e5 cells/kg");
	dose_is("4x107/40ml", "4e7 cells");
	dose_is("1.0 x 10^7 cells/2mL", "1e7 cells");
	dose_is("120 million cells (5 million cells / mL)", "1.2e8 cells");
	dose_is("30 000 000 cells", "3e7 cells");
	dose_is("500,000/kg IV", "5e5 cells/kg");
	dose_is("100M or 300M cells", "1e8 cells");
	dose_is("either 1.0 or 2.0 million cells/kg", "1e6 cells/kg");
	dose_is("6.0*10^6, 3.0*10^7 and 9.0*10^7 cells / person", "6e6 cells");
	dose_is("1 million umbilical Cord Mesenchymal Stem Cells per body kg", "1e6 cells/kg");
	dose_is("0.5 million (M) PLX-PAD cells per kg body weight", "5e5 cells/kg");
	dose_is("MSC(300x10^6)", "3e8 cells");
	dose_is("1x1,000,000 hMSC/kg", "1e6 cells/kg");
	dose_is("1.0E+6 MSC/kg", "1e6 cells/kg");
	dose_is("60millions cells", "6e7 cells");
	dose_is("10^8 cells", "1e8 cells");
	dose_is("10(6) autologous bone marrow-derived mesenchymal stem cells", "1e6 cells");
	dose_is("2.0 x 10,000,000/5ml", "2e7 cells");
	dose_is("MSCs are transplanted by intracoronary infusion(1\xC3\x97" "10^7)", "1e7 cells");
	/* the notation of dose_notation.c, shared with the cell_dose type */
	dose_is("2 mln. cells", "2e6 cells");
	dose_is("5 Mio MSCs", "5e6 cells");
	dose_is("5 \xE2\x88\x97 10^7 cells", "5e7 cells");	/* ∗ U+2217 */
	dose_is("1 trillion cells", "1e12 cells");
	dose_is("1.5 bn cells", "1.5e9 cells");
	dose_is("2 \xC3\x97 10\xE2\x81\xBA\xE2\x81\xB6 cells", "2e6 cells");	/* 10⁺⁶ */
	/* ... but not the scale letters free text reads otherwise (the type does) */
	dose_is("5 B cells", "");
	dose_is("5 b cells", "");
	dose_is("5 m cells", "");
	/* issue 15: as registrants mean it */
	dose_is("4 x 10E6 MSC/Kg", "4e6 cells/kg");
	dose_is("5-7x10^7 cells", "5e7 cells");
	dose_is("10-20 million cells", "1e7 cells");
	dose_is("150 - 225 x 10^6 cells", "1.5e8 cells");
	/* not a dose */
	dose_is("1,5-3,0 10E6 MSC/kg", "");
	dose_is("10E6 cells/Kg", "");
	dose_is("20 million cells/mL", "");
	dose_is("1 million cells/ml of ALLO-ASC will be injected", "");
	dose_is("10 x 106/mL to 15 x 106/mL", "");
	dose_is("20x106 cells per cc in a single administration", "");
	dose_is("14.15 x 107 cells/m2", "");
	dose_is("18-65 years", "");
	dose_is("2-3 weeks apart, 10 to 20 injections", "");
	dose_is("104 patients", "");
	dose_is("1 x 10 20 mL", "");
	dose_is("3 x 10 mm", "");
	dose_is("twenty patients", "");
	dose_is("one million units/kg of heparin", "");
	dose_is("500000 cells per square cm", "");
	dose_is("5 million cells per minute", "");
	dose_is("2.5 x 109/L", "");
	dose_is("a 1.2x10 mm balloon", "");
	dose_is("1 million units/kg", "");
	dose_is("2.0*10^8 particles", "");
	dose_is("12 patients", "");
	dose_is("3 cells", "");
	dose_is("12,5 million cells", "");
	dose_is("5 x 10~7 cells", "");
	dose_is("COVID-19 patients", "");
	/* the first stated dose wins */
	dose_is("Group 1: 1 x 10^7 cells; Group 2: 5 x 10^7 cells", "1e7 cells");
	dose_is("low dose 2 million cells/kg, high dose 8 million cells/kg", "2e6 cells/kg");
}

/* Every dose of text, canonical and comma-separated, is want. */
static void
doses_are(const char *text, const char *want)
{
	msc_cell_dose d[16];
	char		got[512] = "";
	int			n = msc_classify_doses(text, strlen(text), d, 16, NULL);

	for (int i = 0; i < n; i++)
	{
		char		one[MSC_CELL_DOSE_TEXT_MAX];

		msc_cell_dose_format(&d[i], one, sizeof(one));
		strcat(got, i ? "," : "");
		strcat(got, one);
	}
	CHECK(n >= 0 && strcmp(got, want) == 0, "doses of \"%s\": got \"%s\" (%d), want \"%s\"",
		  text, got, n, want);
}

static void
test_every_dose(void)
{
	/* escalation arms, in order of first mention, each value once */
	doses_are("Dose : 1x10e7 cells/3mL,5x10e7 cells/3mL, 1x10e8 cells/3mL", "1e7 cells,5e7 cells,1e8 cells");
	doses_are("Group 1: 1 x 10^7 cells; Group 2: 5 x 10^7 cells; Group 3: 1 x 10^7 cells", "1e7 cells,5e7 cells");
	doses_are("2 million hMSC/kg | 4 million hMSC/kg | 6 million hMSC/kg",
			  "2e6 cells/kg,4e6 cells/kg,6e6 cells/kg");
	/* ranges: both ends, lower first, scale and unit shared */
	doses_are("1-2X10^6 MSC per kg", "1e6 cells/kg,2e6 cells/kg");
	doses_are("100-300 million allogeneic human umbilical cord derived mesenchymal stem cells",
			  "1e8 cells,3e8 cells");
	doses_are("8~10x10^6 cells/injection", "8e6 cells,1e7 cells");
	doses_are("600 million to 1 billion cells will be infused", "6e8 cells,1e9 cells");
	doses_are("5.0*108~5.0*109 MSCs and MNCs", "5e8 cells,5e9 cells");
	doses_are("0.7-1 x 106 MSC / kg", "7e5 cells/kg,1e6 cells/kg");
	doses_are("a dose of 1 to 2 x 106 MSC/Kg", "1e6 cells/kg,2e6 cells/kg");
	doses_are("Mesenchymal stem cells,5-50 million/kg, Intravenous infusion", "5e6 cells/kg,5e7 cells/kg");
	/* lost superscripts, typed powers, words */
	doses_are("1.10^6 cells/kg", "1e6 cells/kg");
	doses_are("intramyocardial injection of 6.10e7 stem cells", "6e7 cells");
	doses_are("106 cells/kg", "1e6 cells/kg");
	doses_are("a dose of 1 X 10 8 cells", "1e8 cells");
	doses_are("The MSCs of 1\xC3\x97" "10*6/kg", "1e6 cells/kg");
	doses_are("4*10e6 cells/Kg and 10e6 cells/Kg", "4e6 cells/kg");
	doses_are("Twenty million cells, then one hundred million MSCs", "2e7 cells,1e8 cells");
	doses_are("three hundred and fifty million cells", "3.5e8 cells");
	doses_are("Nacl 0.9% 2 ml + MSC 30 million unit", "3e7 cells");
	doses_are("2 x 50 million cells given a month apart", "5e7 cells");
	/* per kg after a restatement */
	doses_are("12 infusions of 10^4 donor-derived Mesenchymal Stromal Cells (MSCs) cells/kg", "1e4 cells/kg");
	doses_are("1 millions of bone-marrow derived autologous Mesenchymal Stem Cells (MSCs) per kg", "1e6 cells/kg");
	doses_are("1x10^6 unit of umbilical-cord derived mesenchymal stem cells (UC-MSCs)/kgBW", "1e6 cells/kg");
	doses_are("10^6 (1 million) /Kg/person cells", "1e6 cells/kg");
	doses_are("300 million Allogeneic, Bone Marrow-Derived Human Mesenchymal Stromal Cells", "3e8 cells");
	/* a concentration with the volume of the same product */
	doses_are("5 x 10^6 cells/mL, 2 mL injected", "1e7 cells");
	doses_are("20 million cells/mL in 1.5 mL", "3e7 cells");
	doses_are("20 million cells/mL; 3 mL of saline", "");
	doses_are("Placebo (saline)", "");
	/* after the unseen100 run */
	doses_are("MSC 2\xC2\xB7" "0\xC3\x97" "106 cells/kg i.v.", "2e6 cells/kg");
	doses_are("into scarred vocal fold (0,5-1 million cellls/Vocal fold, maximum 2 million cells)",
			  "5e5 cells,1e6 cells,2e6 cells");
	doses_are("12,5 million cells", "");
	doses_are("1-2x10^6 million MSCs per/kg body weight", "1e6 cells/kg,2e6 cells/kg");
	doses_are("combination of 0.5, 1.0,2.5 million cells/kg", "5e5 cells/kg,1e6 cells/kg,2.5e6 cells/kg");
	doses_are("resuspended to a concentration of 5 million cells per 1 mL", "");
	doses_are("a dose of 1.0 x 10^7 cells/1mL", "1e7 cells");
	doses_are("about 1x10^7 cells of ASC per 1cm^2 of the surface area of the fistula", "");
	doses_are("Escalating dose 2 X 10^9, 4 X 10^9, 8 X 10^9/mL", "");
	doses_are("Dose escalation will begin at 2 x 10^9 exosomes", "");
	doses_are("3 dose groups (6.29 \xC3\x97 107,9.43 \xC3\x97 107 and 14.15 \xC3\x97 107 cells/m2)", "");
	doses_are("3 dose groups (6.29 \xC3\x97 107,9.43 \xC3\x97 107 and 14.15 \xC3\x97 107 cells)",
			  "6.29e7 cells,9.43e7 cells,1.415e8 cells");
	doses_are("CYP-001 is supplied as 100 million MSCs in 20 mL. Patients receive 2 million MSCs/kg", "2e6 cells/kg");
	CHECK(msc_classify_doses("1, 2, 3 x 10^6 cells", 20, NULL, 0, NULL) == -1, "more doses than room: -1");
}

static void
test_empty_and_odd(void)
{
	uint8_t		codes[MSC_ROUTE_COUNT];
	msc_cell_dose d;
	msc_error	err;

	CHECK(msc_classify_sources("", 0, codes, NULL) == 0, "empty text has no source");
	CHECK(msc_classify_routes("", 0, codes, NULL) == 0, "empty text has no route");
	CHECK(msc_classify_donor("", 0, NULL) == 0, "empty text has no donor");
	CHECK(msc_classify_manipulation("", 0, NULL) == 0, "empty text has no manipulation");
	CHECK(!msc_classify_dose("", 0, &d, NULL), "empty text has no dose");
	CHECK(msc_classify_sources(NULL, 5, codes, NULL) == 0, "NULL text");
	CHECK(msc_classify_routes("IV\0IV", 5, codes, NULL) == 1, "NUL bytes are separators");
	/* only the first len bytes are read */
	CHECK(msc_classify_routes("intravenous", 5, codes, NULL) == 0, "length respected");
	CHECK(msc_classify_check_length(MSC_CLASSIFY_MAX_INPUT, "msc_sources_in", &err),
		  "1 MB is accepted");
	CHECK(!msc_classify_check_length(MSC_CLASSIFY_MAX_INPUT + 1, "msc_sources_in", &err) &&
		  err.errclass == MSC_ERR_PARAM && strstr(err.message, "msc_sources_in") != NULL &&
		  err.detail[0] && err.hint[0],
		  "over 1 MB is refused: %s", err.message);
	CHECK(strcmp(msc_donor_label(MSC_DONOR_AUTOLOGOUS), "autologous") == 0 &&
		  strcmp(msc_donor_label(MSC_DONOR_ALLOGENEIC), "allogeneic") == 0 &&
		  msc_donor_label(0) == NULL, "donor labels");
	CHECK(strcmp(msc_manipulation_label(MSC_MANIP_CULTURE_EXPANDED), "culture_expanded") == 0 &&
		  strcmp(msc_manipulation_label(MSC_MANIP_MINIMALLY_MANIPULATED), "minimally_manipulated") == 0 &&
		  msc_manipulation_label(7) == NULL, "manipulation labels");
}

/*
 * The vocabularies of msc_source and msc_route are the reference: every
 * synonym, written as free text names MSCs ("<synonym> mesenchymal stem
 * cells", "<synonym>-MSCs") or a route ("<synonym> injection of MSCs"),
 * is read as its type reads it, except those that free text makes
 * ambiguous, listed here with the reason.
 */
static const char *const source_exceptions[] = {
	"BMC",		/* also the BMC journals; "bone marrow concentrate" is read */
	"hAMSC",	/* human amniotic, adipose or autologous MSC in this corpus */
	NULL
};
static const char *const route_exceptions[] = {
	"IA",		/* product codes (SMUP-IA-01) and intra-arterial in this corpus */
	"SC",		/* stem cells in this corpus (AlloRx SC, SC therapy) */
	"soft tissue",	/* mostly "soft tissue injury": read only as "into the soft tissue" */
	NULL
};

static bool
listed(const char *const *list, const char *s)
{
	for (; *list; list++)
		if (strcmp(*list, s) == 0)
			return true;
	return false;
}

static void
test_vocabularies(void)
{
	for (int code = 1; code < MSC_SOURCE_COUNT; code++)
	{
		const msc_vocab_entry *e = msc_source_entry(code);

		for (const char *const *syn = e->synonyms; *syn; syn++)
		{
			char		a[128],
						b[128];
			uint8_t		out[MSC_SOURCE_COUNT];
			int			na,
						nb;

			if (listed(source_exceptions, *syn))
				continue;
			snprintf(a, sizeof(a), "%s mesenchymal stem cells", *syn);
			snprintf(b, sizeof(b), "%s-MSCs", *syn);
			na = msc_classify_sources(a, strlen(a), out, NULL);
			CHECK(na == 1 && out[0] == code, "\"%s\" should be %s", a, e->canonical);
			nb = msc_classify_sources(b, strlen(b), out, NULL);
			CHECK(nb == 1 && out[0] == code, "\"%s\" should be %s", b, e->canonical);
		}
	}
	for (int code = 1; code < MSC_ROUTE_COUNT; code++)
	{
		const msc_route_info *r = msc_route_info_of(code);

		for (const char *const *syn = r->vocab.synonyms; *syn; syn++)
		{
			char		a[128];
			uint8_t		out[MSC_ROUTE_COUNT];
			int			n;

			if (listed(route_exceptions, *syn))
				continue;
			snprintf(a, sizeof(a), "%s injection of MSCs", *syn);
			n = msc_classify_routes(a, strlen(a), out, NULL);
			CHECK(n == 1 && out[0] == code, "\"%s\" should be %s", a, r->vocab.canonical);
		}
	}
}

/* ---- evidence ---- */

typedef struct seen
{
	int			count;
	size_t		len;
	bool		bad;
} seen;

static void
note(void *arg, msc_evidence_kind kind, int value, size_t start, size_t end)
{
	seen	   *s = arg;

	s->count++;
	if (start >= end || end > s->len || kind < MSC_EV_SOURCE || kind > MSC_EV_DOSE || value <= 0)
		s->bad = true;
}

static void
test_trace(void)
{
	const char *t = "Autologous BM-MSCs, 2 x 10^6 cells/kg, intravenous; cultured MSCs";
	seen		s = {0, strlen(t), false};
	msc_classify_trace tr = {note, &s};
	uint8_t		codes[MSC_ROUTE_COUNT];
	msc_cell_dose d;

	msc_classify_sources(t, strlen(t), codes, &tr);
	msc_classify_routes(t, strlen(t), codes, &tr);
	msc_classify_donor(t, strlen(t), &tr);
	msc_classify_manipulation(t, strlen(t), &tr);
	msc_classify_dose(t, strlen(t), &d, &tr);
	CHECK(s.count == 5 && !s.bad, "five pieces of evidence, in range (got %d)", s.count);
}

/* ---- long inputs ---- */

static void
test_long_inputs(void)
{
	size_t		n = MSC_CLASSIFY_MAX_INPUT;
	char	   *buf = malloc(n);
	uint8_t		codes[MSC_ROUTE_COUNT];
	msc_cell_dose d;
	static const char *const patterns[] = {
		"into the ", "x 10 ", "1,000,", "A-", "autologous ", "10^", "- ", "1 ",
		"bone marrow ", "SVF-", "((((", "i.v.", "e", "0", "         ",
	};

	for (size_t p = 0; p < sizeof(patterns) / sizeof(patterns[0]); p++)
	{
		size_t		pl = strlen(patterns[p]);

		for (size_t i = 0; i < n; i++)
			buf[i] = patterns[p][i % pl];
		msc_classify_sources(buf, n, codes, NULL);
		msc_classify_routes(buf, n, codes, NULL);
		msc_classify_donor(buf, n, NULL);
		msc_classify_manipulation(buf, n, NULL);
		msc_classify_dose(buf, n, &d, NULL);
	}
	/* a clause longer than the word limit is read in pieces */
	for (size_t i = 0; i < n; i++)
		buf[i] = "word "[i % 5];
	memcpy(buf + n - 40, " bone marrow intravenous allogeneic     ", 40);
	CHECK(msc_classify_sources(buf, n, codes, NULL) == 1 && codes[0] == MSC_SOURCE_BONE_MARROW,
		  "a source at the end of 1 MB of words");
	CHECK(msc_classify_routes(buf, n, codes, NULL) == 1, "a route at the end of 1 MB");
	CHECK(msc_classify_donor(buf, n, NULL) == MSC_DONOR_ALLOGENEIC, "a donor at the end of 1 MB");
	free(buf);
}

/* ---- 10 MB texts: time linear in the length ---- */

static void
count_dose(void *arg, const msc_cell_dose *d)
{
	(void) d;
	(*(size_t *) arg)++;
}

/* CPU seconds to read n bytes of the repeated pattern p for every dose. */
static double
dose_seconds(char *buf, size_t n, const char *p, size_t *found)
{
	size_t		pl = strlen(p);
	clock_t		t0;

	for (size_t i = 0; i < n; i++)
		buf[i] = p[i % pl];
	*found = 0;
	t0 = clock();
	msc_classify_each_dose(buf, n, count_dose, found, NULL);
	return (double) (clock() - t0) / CLOCKS_PER_SEC;
}

static void
test_huge_texts(void)
{
	size_t		big = 10 * 1024 * 1024,
				small = big / 40;
	char	   *buf = malloc(big);
	uint8_t		codes[MSC_ROUTE_COUNT];
	msc_cell_dose d[4];
	static const char *const patterns[] = {
		"1-", "1 x 2 x ", "1.10", "twenty ", "(", "x 10e", "1 to ", "10 8 ", "1,",
		"((((1", "1 x 10 8 ", "MSC 1 million unit ", "1 x 10^6 cells/mL, ", "2 x 50 ",
		"5 million cells per kg ", "one hundred and ", "6.10e7 ", "106 cells ",
		"1-2 x10^6 per kg, ", "1, 2 and ", "infusion ", "in the knee ", "5 million of the ", "1 x 10^6 a ",
		"lion", "twenty million and ", "one one one one one one one one one million ", "1.0,",
		"0.5, 1.0,2.5 million cells ", "0,5-", "2\xC2\xB7", "6.29 x 107,", "supplied as 1 million cells ",
		"cells per 1 mL ", "1 x 10^7 cells of ",
	};

	for (size_t p = 0; p < sizeof(patterns) / sizeof(patterns[0]); p++)
	{
		size_t		n1,
					n10;
		double		t1 = dose_seconds(buf, small, patterns[p], &n1);
		double		t10 = dose_seconds(buf, 10 * small, patterns[p], &n10);

		/* ten times the text: about ten times the time, never a hundred */
		CHECK(t10 <= 25.0 * t1 + 0.25, "\"%s\" x 2.5 MB: %.3f s against %.3f s for 256 kB",
			  patterns[p], t10, t1);
		CHECK(n10 >= 9 * n1 && n10 <= 11 * n1 + 11, "\"%s\": %zu doses in 2.5 MB, %zu in 256 kB",
			  patterns[p], n10, n1);
	}
	/* every classifier reads 10 MB of mixed text to the end */
	for (size_t i = 0; i < big; i++)
		buf[i] = "IV infusion of 1-2 x 10^6 autologous BM-MSCs per kg into the knee; "[i % 68];
	memcpy(buf + big - 36, " 7 x 10^9 cells | allogeneic SVF   ", 36);
	CHECK(msc_classify_sources(buf, big, codes, NULL) == 2 && codes[0] == MSC_SOURCE_BONE_MARROW &&
		  codes[1] == MSC_SOURCE_ADIPOSE, "10 MB: sources");
	CHECK(msc_classify_routes(buf, big, codes, NULL) == 2, "10 MB: routes");
	CHECK(msc_classify_donor(buf, big, NULL) == MSC_DONOR_NONE, "10 MB: both donors stated");
	CHECK(msc_classify_manipulation(buf, big, NULL) == MSC_MANIP_MINIMALLY_MANIPULATED, "10 MB: SVF at the end");
	CHECK(msc_classify_doses(buf, big, d, 4, NULL) == 3, "10 MB: three distinct doses, the last at the end");
	free(buf);
}

/* ---- random inputs ---- */

static uint64_t rng_state = 0x2545F4914F6CDD1DULL;

static uint32_t
rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (uint32_t) ((rng_state * 2685821657736338717ULL) >> 32);
}

static const char *const seeds[] = {
	"Autologous adipose-derived MSCs, 1x10^8 cells in 4 mL, single intra-articular injection",
	"allogeneic umbilical cord blood-derived MSCs 2.5 x 10^6 cells/kg IV | i.v. infusion",
	"BM-MSC, hUC-MSCs, ALLO-ASC-DFU, SVF-MSC, Wharton\xE2\x80\x99s jelly, SHED, iPSC-derived",
	"5 \xC3\x97 10\xE2\x81\xB7 cells, 10^8, 60x106, 4x107/40ml, 1x1,000,000, 30 000 000 cells",
	"grade II-IV, IVD, SC, IT, IM, into the degenerated lumbar disc's nucleus pulposus",
	"patient's own bone marrow; third party donor; healthy donors; culture-expanded; passage 3",
	"1.0E+6 MSC/kg, 4 x 10E6, 5-7x10^7, 20 million cells/mL, either 1.0 or 2.0 million cells/kg",
};

static size_t
random_input(char *buf, size_t cap)
{
	size_t		len;

	if (rng() % 3 == 0)
	{
		len = rng() % (cap < 300 ? cap : 300);
		for (size_t i = 0; i < len; i++)
		{
			static const char alphabet[] = " -/.,;|()'^x*0123456789eEaBMSCIVTiuv";

			buf[i] = rng() % 2 ? alphabet[rng() % (sizeof(alphabet) - 1)] : (char) (rng() % 256);
		}
	}
	else
	{
		const char *s = seeds[rng() % (sizeof(seeds) / sizeof(seeds[0]))];

		len = strlen(s);
		memcpy(buf, s, len);
		for (int m = rng() % 6; m > 0 && len > 0; m--)
		{
			size_t		at = rng() % len;

			switch (rng() % 4)
			{
				case 0:
					buf[at] = (char) (rng() % 256);
					break;
				case 1:
					memmove(buf + at, buf + at + 1, len - at - 1);
					len--;
					break;
				case 2:
					len = at;	/* cut: the text ends mid-word */
					break;
				default:
					if (len + 1 < cap)
					{
						memmove(buf + at + 1, buf + at, len - at);
						buf[at] = "0123456789 x^-,./|"[rng() % 18];
						len++;
					}
			}
		}
	}
	return len;
}

static void
test_random(void)
{
	char		buf[512];
	int			bad = 0;

	for (int iter = 0; iter < 200000; iter++)
	{
		size_t		len = random_input(buf, sizeof(buf));
		/* an exact-size heap copy, so ASan sees any read past the end */
		char	   *t = malloc(len ? len : 1);
		uint8_t		codes[MSC_ROUTE_COUNT + MSC_SOURCE_COUNT];
		msc_cell_dose d;
		msc_error	err;
		seen		s = {0, len, false};
		msc_classify_trace tr = {note, &s};
		int			n;

		memcpy(t, buf, len);
		n = msc_classify_sources(t, len, codes, &tr);
		for (int i = 0; i < n; i++)
			for (int j = 0; j < i; j++)
				bad += codes[i] == codes[j];
		for (int i = 0; i < n; i++)
			bad += !msc_source_valid(codes[i]);
		bad += n < 0 || n >= MSC_SOURCE_COUNT;
		n = msc_classify_routes(t, len, codes, &tr);
		for (int i = 0; i < n; i++)
			bad += !msc_route_valid(codes[i]);
		bad += n < 0 || n >= MSC_ROUTE_COUNT;
		n = msc_classify_donor(t, len, &tr);
		bad += n < 0 || n > 2;
		n = msc_classify_manipulation(t, len, &tr);
		bad += n < 0 || n > 2;
		if (msc_classify_dose(t, len, &d, &tr))
			bad += !msc_cell_dose_check(&d, &err);
		bad += s.bad;
		free(t);
	}
	CHECK(bad == 0, "%d bad answers over 200,000 random inputs", bad);
}

int
main(void)
{
	test_the_design_example();
	test_sources();
	test_routes();
	test_donor();
	test_manipulation();
	test_issue15_sources_donor();
	test_dose();
	test_every_dose();
	test_empty_and_odd();
	test_vocabularies();
	test_trace();
	test_long_inputs();
	test_huge_texts();
	test_random();
	return unit_report("test_classify");
}

-- Free-text classifiers: msc_sources_in, msc_routes_in, msc_donor_in,
-- msc_manipulation_in, cell_dose_in(text).

-- The example of DESIGN.md
SELECT msc_sources_in(t) AS sources, msc_routes_in(t) AS routes,
       msc_donor_in(t) AS donor, msc_manipulation_in(t) AS manipulation,
       cell_dose_in(t) AS dose
FROM (VALUES ('Autologous adipose-derived mesenchymal stromal cells, 1x10^8 cells in 4 mL, single intra-articular injection')) v(t);

-- Sources, in order of first mention; what is not a source
SELECT t, msc_sources_in(t) FROM (VALUES
  ('bone marrow-derived mesenchymal stem cells'),
  ('hBMSCs and hUC-MSCs'),
  ('bone marrow aspirate concentrate (BMAC)'),
  ('adipose tissue-derived stromal vascular fraction'),
  ('Lipogems microfragmented adipose tissue'),
  ('umbilical cord blood-derived MSCs and umbilical cord MSCs'),
  ('Wharton''s jelly MSCs'),
  ('placenta-derived MSCs'),
  ('stem cells from human exfoliated deciduous teeth (SHED)'),
  ('iPSC-derived mesenchymal stromal cells'),
  ('peripheral blood-derived mesenchymal stem cells'),
  ('peripheral blood stem cell transplantation'),
  ('bone marrow edema of the knee'),
  ('amniotic membrane transplant'),
  ('ulcerative colitis (UC), Alzheimer''s disease (AD)'),
  ('ALLO-ASC-DFU sheet, HB-adMSCs, CB-AC-02'),
  ('Cord blood transplantation on day 0 | Cord Blood Infusion'),
  ('MSCs can be isolated from bone marrow, umbilical cord and adipose tissue'),
  ('adipose or bone marrow; then adipose again')
) v(t);

-- Routes; IVD, grade II-IV, SC (stem cells) and drug routes are not routes of the cells
SELECT t, msc_routes_in(t) FROM (VALUES
  ('intra-articular injection'),
  ('injected into the degenerated lumbar disc'),
  ('IV infusion of MSCs'),
  ('given i.v. on day 1'),
  ('MSCs by peripheral vein'),
  ('intrathecal (IT) administration, then via lumbar puncture'),
  ('implanted into the necrotic lesion'),
  ('IM injection of PLX-PAD cells'),
  ('infused through the hepatic artery'),
  ('degenerative intervertebral disc disease (IVD)'),
  ('grade II-IV acute GVHD'),
  ('AlloRx SC® in SC therapy'),
  ('subcutaneous abdominal adipose tissue will be harvested'),
  ('via the coronary artery'),
  ('Methylprednisolone 2 mg/kg administered intravenously.'),
  ('intravenous infusion, then intra-articular injection, then IV again')
) v(t);

-- Donor: one stated, both stated (NULL), not about the cells (NULL)
SELECT t, msc_donor_in(t) FROM (VALUES
  ('autologous bone marrow MSCs'),
  ('the patient''s own adipose tissue'),
  ('allogenic umbilical cord MSCs'),
  ('MSCs expanded from bone marrow from healthy donors'),
  ('Third party donor Mesenchymal Stem Cells'),
  ('allogeneic or autologous MSCs'),
  ('Arm A: autologous SVF. Arm B: allogenic MSCs of healthy donors'),
  ('MSCs in allogenic AB plasma; Autologous Serum as placebo'),
  ('after allogeneic hematopoietic stem cell transplantation'),
  ('autologous PRP')
) v(t);

-- Manipulation
SELECT t, msc_manipulation_in(t) FROM (VALUES
  ('ex vivo cultured adult human mesenchymal stem cells'),
  ('cells at passage 3'),
  ('BMAC'),
  ('adipose tissue-derived stromal vascular fraction'),
  ('SVF-derived MSC: the SVF will be cultured to obtain MSC'),
  ('Expanded Access Program'),
  ('cultured chondrocytes'),
  ('BMAC versus culture-expanded BM-MSCs'),
  ('mesenchymal stem cells')
) v(t);

-- Dose: the first one stated
SELECT t, cell_dose_in(t) FROM (VALUES
  ('1.5 x 10^6 cells/kg'),
  ('two injections of 5 million cells'),
  ('8 million cells per kg of body weight'),
  ('2 x 107 cells'),
  ('4x107/40ml'),
  ('120 million cells (5 million cells / mL)'),
  ('either 1.0 or 2.0 million cells/kg'),
  ('Group 1: 1 x 10^7 cells; Group 2: 5 x 10^7 cells'),
  ('4 x 10E6 MSC/Kg'),
  ('5-7x10^7 cells'),
  ('20 million cells/mL'),
  ('2 mln. cells'), ('5 Mio MSCs'), ('5 ∗ 10^7 cells'), ('1 trillion cells'),
  ('1.5 bn cells'), ('2 × 10⁺⁶ cells'), ('5 B cells'),
  ('12 patients')
) v(t);

-- cell_dose_in(text) is the classifier; cell_dose_in(cstring) stays the type input
SELECT cell_dose_in('5 x 10^7 cells') AS from_text, pg_typeof(cell_dose_in('5e7')),
       '5e7'::cell_dose AS type_input;

-- Nothing stated: empty arrays and NULLs; NULL in, NULL out
SELECT msc_sources_in('') AS sources, msc_routes_in('knee osteoarthritis') AS routes,
       msc_donor_in('') IS NULL AS no_donor, msc_manipulation_in('') IS NULL AS no_manipulation,
       cell_dose_in('') IS NULL AS no_dose;
SELECT msc_sources_in(NULL) IS NULL, msc_routes_in(NULL) IS NULL, msc_donor_in(NULL) IS NULL,
       msc_manipulation_in(NULL) IS NULL, cell_dose_in(NULL::text) IS NULL;

-- Odd text never fails: control characters, other scripts, a long text
SELECT msc_sources_in(E'\x01bone\tmarrow\x7f'), msc_routes_in(E'IV\u00a0infusion'),
       msc_sources_in('骨髄 bone marrow 脂肪'), cell_dose_in('5 × 10⁷ cells');
SELECT msc_sources_in(repeat('word ', 200000) || 'bone marrow') AS one_mb_minus_a_bit,
       cardinality(msc_routes_in(repeat('into the ', 100000))) AS routes;
-- over 1 MB is refused
SELECT * FROM try_sql($$msc_sources_in(repeat('x', 1048577))$$);
SELECT * FROM try_sql($$cell_dose_in(repeat('x', 1048577))$$);
SELECT msc_donor_in(repeat('autologous ', 100000));

-- Over a table: how many records state each source
CREATE TEMP TABLE record(id int, description text);
INSERT INTO record VALUES
  (1, 'Autologous BM-MSCs, 2 x 10^6 cells/kg, intravenous infusion'),
  (2, 'Allogeneic umbilical cord MSCs (WJ-MSC), 1 x 10^8 cells intra-articularly'),
  (3, 'Microfragmented adipose tissue (Lipogems) into the knee joint'),
  (4, 'Placebo (saline)'),
  (5, 'hUC-MSCs and BM-MSCs, IV');
SELECT s AS source, count(*) FROM record, unnest(msc_sources_in(description)) s GROUP BY s ORDER BY s;
SELECT id, msc_routes_in(description) @> '{intravenous}' AS iv, msc_donor_in(description),
       msc_manipulation_in(description), cell_dose_in(description)
FROM record ORDER BY id;

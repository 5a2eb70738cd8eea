-- Driven by bench/classify.sh: psql variables data (the TSV), copies, reps.
-- The classifiers against SQL written with regular expressions doing the
-- same job (a regexp_instr per source or route, ordered by position), over
-- the 1,536 ClinicalTrials.gov records repeated :copies times.
\pset tuples_only on
\pset format unaligned
SET client_min_messages = warning;
CREATE EXTENSION msc_registry;

\ir common.sql

CREATE FUNCTION report(what text, ours float8, base float8) RETURNS text LANGUAGE sql AS $$
  SELECT format('| %s | %s | %s | %s |', what, round(ours::numeric, 1), round(base::numeric, 1),
                round((base / ours)::numeric, 1)) $$;

CREATE TABLE corpus(nct text, title text, conditions text, itype text, iname text, idesc text,
                    arms text, phase text, status text, enroll text);
\set cmd 'tail -n +2 ' :data
COPY corpus FROM PROGRAM :'cmd' WITH (FORMAT text, DELIMITER E'\t', NULL '');
CREATE TABLE doc AS SELECT nct, concat_ws(' | ', title, iname, idesc, arms) AS t
FROM corpus, generate_series(1, :copies);
VACUUM ANALYZE doc;

-- the same jobs with regular expressions (simpler rules than the classifiers')
CREATE FUNCTION sources_regex(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $f$
  SELECT coalesce(array_agg(src ORDER BY pos), '{}') FROM (
    SELECT src, regexp_instr(t, re, 1, 1, 0, 'i') AS pos FROM (VALUES
      ('bone_marrow', '\m(bone[- ]?marrow(?![- ](transplant|failure|edema|oedema|lesion))|BM-?MSCs?|BMSCs?|BMAC)\M'),
      ('adipose', '\m(adipose|lipoaspirat\w*|liposuction|SVF|stromal vascular fraction|ADSCs?|AD-?MSCs?|ASCs?)\M'),
      ('umbilical_cord', '\m(umbilical cord(?! blood)|wharton\W*s? jelly|UC-?MSCs?|WJ-?MSCs?)\M'),
      ('cord_blood', '\m(cord blood(?! transplant)|UCB-?MSCs?|UCB)\M'),
      ('placenta', '\mplacent\w*\M'), ('amniotic', '\m(amniotic|amnion)\M'),
      ('dental_pulp', '\m(dental pulp|DPSCs?|SHED)\M'), ('synovial', '\msynovi\w*\M'),
      ('peripheral_blood', '\mperipheral blood[- ]derived'), ('menstrual_blood', '\mmenstrual blood'),
      ('ipsc_derived', '\m(iPSCs?|induced pluripotent)\M')
    ) r(src, re)) x WHERE pos > 0 $f$;
CREATE FUNCTION routes_regex(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $f$
  SELECT coalesce(array_agg(DISTINCT rt), '{}') FROM (
    SELECT rt, regexp_instr(t, re, 1, 1, 0, c) AS pos FROM (VALUES
      ('intra_articular', '\m(intra[- ]?articular\w*|into the (knee )?joint)\M', 'i'),
      ('intradiscal', '\m(intra[- ]?discal\w*|into the (\w+ )?disc)\M', 'i'),
      ('intravenous', '\m(intra[- ]?venous\w*|i\.v\.|by peripheral vein)', 'i'),
      ('intravenous', '\mIV\M', 'c'),
      ('intrathecal', '\m(intra[- ]?thecal\w*|lumbar puncture)\M', 'i'),
      ('subarachnoid', '\msubarachnoid\M(?! (hemorrhage|haemorrhage))', 'i'),
      ('epidural', '\mepidural\w*\M', 'i'),
      ('intralesional', '\m(intra[- ]?lesional\w*|into the (\w+ )?lesion)\M', 'i'),
      ('intratendinous', '\mintra[- ]?tend\w*\M', 'i'), ('periarticular', '\mperi[- ]?articular\w*\M', 'i'),
      ('perineural', '\mperi[- ]?neural\w*\M', 'i'), ('intramuscular', '\mintra[- ]?muscular\w*\M', 'i'),
      ('intramuscular', '\mIM\M', 'c'),
      ('subcutaneous', '\msub[- ]?cutaneous\w*\M(?! (fat|adipose|tissue|abdominal))', 'i'),
      ('intradermal', '\mintra[- ]?dermal\w*\M', 'i'), ('intra_arterial', '\mintra[- ]?arterial\w*\M', 'i'),
      ('soft_tissue', '\minto the soft tissue', 'i')
    ) r(rt, re, c)) x WHERE pos > 0 $f$;
CREATE FUNCTION donor_regex(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $f$
  SELECT CASE WHEN a AND NOT b THEN 'autologous' WHEN b AND NOT a THEN 'allogeneic' END
  FROM (SELECT t ~* '\m(autolog\w*|autogenous|patient''?s own)\M(?!\W+(PRP|serum|plasma|chondrocyte))' AS a,
               t ~* '\m(allogen\w*|third[- ]party|healthy donors?)\M(?!\W+(hematopoietic|HSCT|transplant))' AS b) x $f$;
CREATE FUNCTION dose_regex(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $f$
  SELECT (regexp_match(t, '(\d+(?:\.\d+)?)\s*(?:x|×|\*)\s*10\^(\d+)\s*(?:cells|MSCs?)?(\s*/\s*kg)?', 'i'))[1] $f$;

SELECT count(*) AS records, pg_size_pretty(sum(octet_length(t))) AS text FROM doc \gset
\echo records :records text :text

SELECT report('sources: msc_sources_in vs 11 regexp_instr',
  bench($$SELECT count(*) FROM doc WHERE cardinality(msc_sources_in(t)) >= 0$$, :reps),
  bench($$SELECT count(*) FROM doc WHERE cardinality(sources_regex(t)) >= 0$$, :reps));
SELECT report('routes: msc_routes_in vs 17 regexp_instr',
  bench($$SELECT count(*) FROM doc WHERE cardinality(msc_routes_in(t)) >= 0$$, :reps),
  bench($$SELECT count(*) FROM doc WHERE cardinality(routes_regex(t)) >= 0$$, :reps));
SELECT report('donor: msc_donor_in vs 2 regex tests',
  bench($$SELECT count(*) FROM doc WHERE msc_donor_in(t)::text IS DISTINCT FROM 'x'$$, :reps),
  bench($$SELECT count(*) FROM doc WHERE donor_regex(t) IS DISTINCT FROM 'x'$$, :reps));
SELECT report('manipulation: msc_manipulation_in vs 1 regex test',
  bench($$SELECT count(*) FROM doc WHERE msc_manipulation_in(t)::text IS DISTINCT FROM 'x'$$, :reps),
  bench($$SELECT count(*) FROM doc WHERE t ~* '\m(culture[- ]expanded|ex vivo expanded|BMAC|SVF|lipogems)\M'$$, :reps));
SELECT report('dose: cell_dose_in vs 1 regexp_match',
  bench($$SELECT count(*) FROM doc WHERE cell_dose_in(t)::text IS DISTINCT FROM 'x'$$, :reps),
  bench($$SELECT count(*) FROM doc WHERE dose_regex(t) IS DISTINCT FROM 'x'$$, :reps));
SELECT report('baseline: length(t) (the cost of reading the rows)',
  bench($$SELECT count(*) FROM doc WHERE length(t) >= 0$$, :reps),
  bench($$SELECT count(*) FROM doc WHERE length(t) >= 0$$, :reps));

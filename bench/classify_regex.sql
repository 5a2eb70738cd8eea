-- SQL doing the classifiers' jobs with regular expressions (the baselines
-- of bench/classify.sql and bench/run.sql); simpler rules than the classifiers'.
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


-- Registry, text readers: standard deviations from what reports give instead,
-- condition categories, pain instruments and their scales, timepoints,
-- results-group to arm matching, numbers in ClinicalTrials.gov records.
-- ctgov_import() (82_ctgov_import.sql) reads records with them.

-- ===================================================================
-- Standard deviations from what reports give instead (C, registry_stat.c)
-- ===================================================================

CREATE OR REPLACE FUNCTION @extschema@.sd_from_se(se double precision, n integer)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'registry_sd_from_se_sql' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sd_from_se(double precision, integer) IS
    'standard deviation of a group of n from the standard error of its mean: se * sqrt(n) (Cochrane Handbook 6.5.2.2)';

CREATE OR REPLACE FUNCTION @extschema@.sd_from_ci(lower double precision, upper double precision, n integer,
                                       level double precision DEFAULT 0.95)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'registry_sd_from_ci_sql' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sd_from_ci(double precision, double precision, integer, double precision) IS
    'standard deviation of a group of n (>= 2) from a two-sided confidence interval of its mean: sqrt(n) * (upper - lower) / (2 * t), t the (1 + level)/2 quantile of Student''s t on n - 1 degrees of freedom (Cochrane Handbook 6.5.2.2)';

-- ===================================================================
-- Vocabulary and text readers
-- ===================================================================

CREATE OR REPLACE FUNCTION @extschema@.condition_categories(condition text)
    RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN ARRAY(
    SELECT c.category
    FROM (VALUES
        (1, 'knee_oa', '(osteo-?arthrit|osteo-?arthros|\moa\M|\marthrosis|degenerative (joint disease|arthritis))',
                       '(\mknees?\M|tibiofemoral|patellofemoral)', NULL),
        (1, 'knee_oa', 'gonarthros', NULL, NULL),
        (2, 'hip_oa', '(osteo-?arthrit|osteo-?arthros|\moa\M|\marthrosis|degenerative (joint disease|arthritis))',
                      '\mhips?\M', NULL),
        (2, 'hip_oa', 'coxarthros', NULL, NULL),
        (3, 'low_back_pain', '(\mlow(er)?[ -]back|\mback pain|\mlumb(ar|ago)|lumbosacral|intervertebral dis[ck]|\mdis[ck]s? (degenerat|herniat|prolaps|bulg)|degenerat[a-z]* (of the )?([a-z]+ )?dis[ck]|discogenic|\mddd\M|herniated ([a-z]+ )?dis[ck])', NULL, NULL),
        (4, 'tendinopathy', '(tendin|tendon|epicondyl|rotator cuff|achilles|jumper.?s knee|tennis elbow|golfer.?s elbow|plantar fasci|\mligament|\macl\M)', NULL, NULL),
        (5, 'neuropathic_pain', '(neuropathic pain|neuralg|radicul(ar pain|opath)|sciatica|complex regional pain|\mcrps\M|(diabetic|peripheral|painful|chemotherapy[- ]induced|post[- ]?herpetic) (poly)?neuropath|nerve pain|phantom (limb )?pain)',
                                NULL, '(ulcer|wound|optic|retin)'),
        (6, 'rheumatoid_arthritis', 'rheumatoid', NULL, NULL),
        (7, 'spinal_cord_injury', '(spinal cord (injur|trauma|lesion|contusion)|\msci\M|tetrapleg|parapleg|quadripleg)', NULL, NULL),
        (8, 'multiple_sclerosis', 'multiple sclerosis', NULL, NULL),
        (9, 'sjogren', 'sj(o|ö|Ö|oe)gren', NULL, NULL)
    ) AS c(ord, category, pattern, also, unless)
    WHERE condition ~* c.pattern AND (c.also IS NULL OR condition ~* c.also)
      AND (c.unless IS NULL OR condition !~* c.unless)
    GROUP BY c.category
    ORDER BY min(c.ord));
COMMENT ON FUNCTION @extschema@.condition_categories(text) IS
    'the condition categories one condition text names, in this order: knee_oa, hip_oa (osteoarthritis only with its joint named, or gonarthrosis, coxarthrosis), low_back_pain (incl. degenerative disc disease, discogenic pain, lumbar disc herniation), tendinopathy (incl. tendon and ligament injury), neuropathic_pain (neuropathic pain, neuralgia, radiculopathy, sciatica, CRPS, painful, diabetic or peripheral neuropathy; not optic neuropathy or neuropathic ulcers), rheumatoid_arthritis, spinal_cord_injury, multiple_sclerosis, sjogren; empty when none';

CREATE OR REPLACE FUNCTION @extschema@.condition_category(conditions text[])
    RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN COALESCE(
    (SELECT cats[1]
     FROM unnest(conditions) WITH ORDINALITY AS u(c, i)
          CROSS JOIN LATERAL (SELECT @extschema@.condition_categories(u.c) AS cats) AS x
     WHERE cardinality(x.cats) = 1
     ORDER BY u.i
     LIMIT 1),
    (SELECT cats[1]
     FROM (SELECT @extschema@.condition_categories(array_to_string(conditions, ' | ')) AS cats) AS x
     WHERE cardinality(x.cats) = 1),
    'other');
COMMENT ON FUNCTION @extschema@.condition_category(text[]) IS
    'condition category of a trial: that of the first text (conditions in registry order, then the title) naming exactly one category (condition_categories); else the one category all the texts together name ("Osteoarthritis" with a title about the knee); else other';

CREATE OR REPLACE FUNCTION @extschema@.msc_mentioned(description text)
    RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN description ~* '(mesenchymal|(^|[^a-z])[a-z]{0,5}-?mscs?($|[^a-z])|\m(mpcs?|ascs?|adscs?|bmscs?|dpscs?)\M|stromal (vascular fraction|cells?)|\msvf\M|\mbmac\M|bone marrow (aspirate )?concentrate|lipoaspirate|micro-?fragmented (adipose|fat)|lipogems|(adipose|\mfat\M|marrow|umbilical|\mcord\M|placenta|amnio|synovi|dental pulp|wharton|menstrual)[a-z ,''-]{0,40}(stem|stromal|progenitor|regenerative) cells?|(stem|stromal|progenitor|regenerative) cells?[a-z ,''-]{0,40}(adipose|\mfat\M|marrow|umbilical|placenta|wharton|synovi|dental pulp)|\mmenscs?\M|\madas cells?|prochymal|remestemcel|pneumostem|cordstem|furestem|rexlemestrocel|stempeucel|cartistem|jointstem|cellgram|astrostem|elixcyte|obnitix|alofisel|darvadstrocel|temcell|stemirac|\mcx601\M|neofuse|\mplx-pad\M)'
   AND NOT (description ~* 'ha?ematopoietic|\mcd34' AND description !~* '(mesenchymal|stromal|(^|[^a-z])[a-z]{0,5}-?mscs?($|[^a-z]))');
COMMENT ON FUNCTION @extschema@.msc_mentioned(text) IS
    'true when a text describes mesenchymal stem/stromal cells: "mesenchymal", MSC and its prefixed forms (hMSC, AD-MSC, hUC-MSC ...), MPC, ASC, ADSC, BMSC, DPSC, SVF, BMAC, bone marrow concentrate, lipoaspirate, microfragmented adipose, stem/stromal/progenitor cells named with their tissue, or a licensed or investigational MSC product by name (Prochymal/remestemcel-L, rexlemestrocel-L, Stempeucel, Cartistem, Cordstem, Pneumostem, JointStem, Alofisel/darvadstrocel, Temcell, Stemirac, NeoFuse, PLX-PAD ...); hematopoietic stem cells alone are not MSCs';

CREATE OR REPLACE FUNCTION @extschema@.co_interventions_in(description text)
    RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN ARRAY(
    SELECT c.name
    FROM (VALUES
        ('prp', '(platelet[- ]rich plasma|\mprp\M)'),
        ('hyaluronic_acid', '(hyalur|viscosupplement|\mhylan\M|synvisc|durolane|hyalgan|orthovisc|monovisc)'),
        ('corticosteroid', '(corticosteroid|glucocorticoid|steroid injection|triamcinolone|methylprednisolone|betamethasone)'),
        ('surgery', '(arthroscop|debridement|microfracture|osteotomy|discectomy|laminectomy|spinal fusion|meniscectomy|(ligament|\macl|rotator cuff|tendon) (reconstruction|repair))'),
        ('physiotherapy', '(physiotherap|physical therap|exercise (therapy|program))')
    ) AS c(name, pattern)
    WHERE description ~* c.pattern
    ORDER BY regexp_instr(description, c.pattern, 1, 1, 0, 'i'));
COMMENT ON FUNCTION @extschema@.co_interventions_in(text) IS
    'treatments other than cells that a text states, in order of first mention: prp (platelet-rich plasma), hyaluronic_acid, corticosteroid, surgery (arthroscopy, debridement, microfracture, osteotomy, discectomy, reconstruction ...), physiotherapy; empty when none';

CREATE OR REPLACE FUNCTION @extschema@.pain_instrument_range(instrument text)
    RETURNS numrange
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN (SELECT numrange(p.min, p.max, '[]') FROM @extschema@.pain_instruments() AS p WHERE p.name = instrument);
COMMENT ON FUNCTION @extschema@.pain_instrument_range(text) IS
    'the range [min, max] of a pain_score instrument given by its canonical name (pain_instruments()), NULL for any other text';

CREATE OR REPLACE FUNCTION @extschema@.pain_instrument_match(title text, unit text,
    OUT instrument text, OUT families text[], OUT reason text)
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    t text := lower(coalesce(title, '') || ' | ' || coalesce(unit, ''));
    pain boolean;
    other_target boolean;
    flags text[];
    fam text;
BEGIN
    pain := t ~ '\mpain';
    other_target := t ~ '(itch|prurit|nausea|dyspn|fatigue)';
    families := '{}';
    IF t ~ '(\mwomac\M|western ontario and mc ?master)' THEN families := families || 'womac'::text; END IF;
    IF t ~ '(\mkoos\M|knee injury and osteoarthritis outcome)' THEN families := families || 'koos'::text; END IF;
    IF t ~ '(oswestry|\modi\M)' THEN families := families || 'odi'::text; END IF;
    IF t ~ '(roland|\mrmdq\M|\mrdq\M|\mrmq\M)' THEN families := families || 'rmdq'::text; END IF;
    IF t ~ '(brief pain inventory|\mbpi\M)' THEN families := families || 'bpi'::text; END IF;
    IF t ~ 'lysholm' THEN families := families || 'lysholm'::text; END IF;
    IF t ~ '(\mikdc\M|international knee documentation)' THEN families := families || 'ikdc'::text; END IF;
    IF t ~ '(patient.?s? global assessment|\mpga\M|\mptga\M)' THEN families := families || 'patient_global'::text; END IF;
    -- "visual analogue" next to WOMAC is the WOMAC VA version, "VAS" is not
    IF NOT other_target AND pain
       AND (t ~ '\mvas\M' OR (t ~ 'visual analog' AND NOT 'womac' = ANY (families))) THEN
        families := families || 'vas'::text;
    END IF;
    IF NOT other_target
       AND (t ~ '(\mn?prs\M|numeric(al)? pain (rating|intensity)|\mnpis\M)'
            OR (t ~ '(numeric(al)? rating scale|\mnrs\M|numeric(al)? (rating )?scale)' AND pain)) THEN
        families := families || 'nrs'::text;
    END IF;

    IF cardinality(families) = 0 THEN
        RETURN;
    ELSIF cardinality(families) > 1 THEN
        reason := format('names several instruments (%s)', array_to_string(families, ', '));
        RETURN;
    END IF;
    fam := families[1];

    IF fam = 'womac' THEN
        flags := '{}';
        IF pain THEN flags := flags || 'pain'::text; END IF;
        IF t ~ '\mstiff' THEN flags := flags || 'stiffness'::text; END IF;
        IF t ~ '(\mfunction|\mdifficult|daily (living|activit)|\madl\M)' THEN flags := flags || 'function'::text; END IF;
        IF t ~ '(\mtotal\M|\mglobal\M|\moverall\M|\mcomposite\M|\msum\M)' THEN flags := flags || 'total'::text; END IF;
        IF cardinality(flags) = 0 THEN
            reason := 'names WOMAC but not which subscale (pain, stiffness, function) or the total';
        ELSIF cardinality(flags) > 1 THEN
            reason := format('names several WOMAC scores (%s)', array_to_string(flags, ', '));
        ELSIF t ~ '(\mva ?3|visual analog)' THEN
            IF flags[1] = 'pain' THEN
                instrument := 'womac_pain_va';
            ELSE
                reason := format('WOMAC %s on the visual-analogue version: only its pain subscale (womac_pain_va) is a pain_score instrument', flags[1]);
            END IF;
        ELSE
            instrument := 'womac_' || flags[1];
        END IF;
    ELSIF fam = 'koos' THEN
        flags := '{}';
        IF pain THEN flags := flags || 'pain'::text; END IF;
        IF t ~ '\msymptom' THEN flags := flags || 'symptoms'::text; END IF;
        IF t ~ '(\madl\M|daily living|activities of daily)' THEN flags := flags || 'adl'::text; END IF;
        IF t ~ '(\msports?\M|recreation)' THEN flags := flags || 'sport'::text; END IF;
        IF t ~ '(quality of life|\mqol\M)' THEN flags := flags || 'qol'::text; END IF;
        IF cardinality(flags) = 1 THEN
            instrument := 'koos_' || flags[1];
        ELSIF cardinality(flags) = 0 THEN
            reason := 'names KOOS but not which subscale (pain, symptoms, ADL, sport, QOL)';
        ELSE
            reason := format('names several KOOS subscales (%s)', array_to_string(flags, ', '));
        END IF;
    ELSIF fam = 'bpi' THEN
        flags := '{}';
        IF t ~ '(\mseverity|\mintensity)' THEN flags := flags || 'severity'::text; END IF;
        IF t ~ '\minterfer' THEN flags := flags || 'interference'::text; END IF;
        IF cardinality(flags) = 1 THEN
            instrument := 'bpi_' || flags[1];
        ELSIF cardinality(flags) = 0 THEN
            reason := 'names the Brief Pain Inventory but not which score (severity or interference)';
        ELSE
            reason := 'names both Brief Pain Inventory scores (severity, interference)';
        END IF;
    ELSIF fam = 'ikdc' AND t ~ '\mobjective' THEN
        reason := 'the IKDC objective grade is not a pain_score instrument (ikdc is the subjective form)';
    ELSE
        instrument := fam;
    END IF;
END
$fn$;
COMMENT ON FUNCTION @extschema@.pain_instrument_match(text, text) IS
    'reads an outcome measure''s title and unit: the pain_score instrument it names (or NULL), the instrument families it names (womac, koos, odi, rmdq, bpi, lysholm, ikdc, patient_global, and vas or nrs only when about pain), and why no instrument was chosen when a family is named (no or several subscales, several instruments)';

CREATE OR REPLACE FUNCTION @extschema@.pain_instrument_of(title text, unit text)
    RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN (@extschema@.pain_instrument_match(title, unit)).instrument;
COMMENT ON FUNCTION @extschema@.pain_instrument_of(text, text) IS
    'the pain_score instrument an outcome measure''s title and unit name, e.g. womac_pain for "WOMAC pain subscale", vas for "Visual Analog Scale (VAS) for pain"; NULL when none or when it is unclear (WOMAC without a subscale, a VAS or NRS not about pain, several instruments); pain_instrument_match() says why';

CREATE OR REPLACE FUNCTION @extschema@.scale_maxima(description text)
    RETURNS numeric[]
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    t text := ' ' || lower(description) || ' ';
    found numeric[] := '{}';
    m text[];
    v numeric;
BEGIN
    -- "0-10", "0 to 100", "0 (no pain) to 10 (worst pain)", "0% to 100%",
    -- but not "0-6 months"
    FOR m IN SELECT regexp_matches(t,
        '[^0-9.,]0(?:\.0+)?\s*%?\s*(?:\([^()]{0,60}\)\s*)?(?:-|–|—|\mto\M|\mthrough\M)\s*(\d+(?:\.\d+)?)(?![0-9.]|\s*(?:days?|weeks?|months?|years?|hours?|hrs?|wks?|mos?|yrs?|[dwmyh])\M)', 'g')
    LOOP
        found := found || m[1]::numeric;
    END LOOP;
    -- "0 = no pain ... 10 = worst pain"
    FOR m IN SELECT regexp_matches(t, '[^0-9.,]0\s*[=:]\s*[a-z][^0-9]{0,60}(\d+(?:\.\d+)?)\s*[=:]', 'g')
    LOOP
        found := found || m[1]::numeric;
    END LOOP;
    -- "100 mm", "100-mm", "10 cm" (a visual analogue line)
    IF t ~ '[^0-9.,]100\s*-?\s*(mm|millimet)' THEN found := found || 100::numeric; END IF;
    IF t ~ '[^0-9.,]10\s*-?\s*(cm|centimet)' THEN found := found || 10::numeric; END IF;
    RETURN ARRAY(SELECT DISTINCT x FROM unnest(found) AS x ORDER BY x);
END
$fn$;
COMMENT ON FUNCTION @extschema@.scale_maxima(text) IS
    'the upper ends of the score ranges a text states: "0-10", "0 to 100", "0 (no pain) to 10 (worst)", "0 = none ... 10 = worst", "100 mm", "10 cm"; time spans ("0-6 months") are not ranges; sorted, each once';

CREATE OR REPLACE FUNCTION @extschema@.pain_scale_of(instrument text, title text, unit text, description text,
    OUT instrument_used text, OUT factor numeric, OUT conversion text, OUT problem text)
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    --@schema_check (src/sql/schema_check.sql.in)
    -- (declared in an inner block: a variable of the extension's types is
    -- made, and its type looked up, only once the check above has passed)
    DECLARE
    -- the scales (upper ends) each instrument is reported on, and the one
    -- assumed when the record states none (NULL: it must be stated)
    known numeric[];
    dflt numeric;
    stated numeric[];
    hits numeric[];
    top numeric;
    r numrange := @extschema@.pain_instrument_range(instrument);
    BEGIN
    IF r IS NULL THEN
        problem := format('%s is not a pain_score instrument', coalesce(instrument, 'NULL'));
        RETURN;
    END IF;
    CASE
        WHEN instrument = 'nrs' THEN known := '{10}'; dflt := 10;
        WHEN instrument = 'vas' THEN known := '{10,100}'; dflt := NULL;
        WHEN instrument = 'womac_pain' THEN known := '{20,500}'; dflt := NULL;
        WHEN instrument = 'womac_pain_va' THEN known := '{500}'; dflt := 500;
        WHEN instrument IN ('womac_stiffness', 'womac_function', 'womac_total') THEN
            known := ARRAY[upper(r)]; dflt := NULL;
        WHEN instrument = 'patient_global' THEN known := '{10,100}'; dflt := NULL;
        ELSE known := ARRAY[upper(r)]; dflt := upper(r);
    END CASE;

    stated := @extschema@.scale_maxima(concat_ws(' | ', title, unit, description));
    IF unit ~* '^\s*(mm|millimet)' THEN stated := stated || 100::numeric; END IF;
    IF unit ~* '^\s*(cm|centimet)' THEN stated := stated || 10::numeric; END IF;
    hits := ARRAY(SELECT DISTINCT x FROM unnest(stated) AS x WHERE x = ANY (known) ORDER BY x);

    IF cardinality(hits) = 1 THEN
        top := hits[1];
    ELSIF cardinality(hits) > 1 THEN
        problem := format('the measure states several scales for %s (0-%s); which one applies is unclear',
                          instrument, array_to_string(hits, ', 0-'));
        RETURN;
    ELSIF cardinality(stated) > 0 THEN
        problem := format('the measure states a 0-%s scale, which is not a scale of %s (0-%s)',
                          array_to_string(ARRAY(SELECT DISTINCT x FROM unnest(stated) AS x ORDER BY x), ', 0-'),
                          instrument, array_to_string(known, ' or 0-'));
        RETURN;
    ELSIF dflt IS NOT NULL THEN
        top := dflt;
    ELSE
        problem := format('the scale of %s is not stated (0-%s?)', instrument, array_to_string(known, ' or 0-'));
        RETURN;
    END IF;

    instrument_used := instrument;
    factor := 1;
    IF instrument = 'vas' AND top = 10 THEN
        factor := 10;
        conversion := 'VAS reported on 0-10 (cm): multiplied by 10 to mm';
    ELSIF instrument = 'patient_global' AND top = 10 THEN
        factor := 10;
        conversion := 'patient global assessment reported on 0-10: multiplied by 10 to 0-100';
    ELSIF instrument = 'womac_pain' AND top = 500 THEN
        instrument_used := 'womac_pain_va';
        conversion := 'WOMAC pain on 0-500: the visual-analogue version, stored as womac_pain_va';
    END IF;
    END;
END
$fn$;
COMMENT ON FUNCTION @extschema@.pain_scale_of(text, text, text, text) IS
    'the scale an outcome measure reports an instrument on, from the ranges its title, unit and description state (scale_maxima): the instrument to store, the factor to multiply values by (10 for a VAS in cm or a 0-10 patient global), the conversion made, in words; or the problem when the scale is unclear or not one of the instrument (WOMAC and VAS must state theirs; NRS, KOOS, ODI, RMDQ, BPI, Lysholm and IKDC have one)';

CREATE OR REPLACE FUNCTION @extschema@.timepoint_weeks(time_frame text)
    RETURNS numeric[]
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    t text := lower(time_frame);
    w record;
    tok text[];
    kind text[] := '{}';
    val text[] := '{}';
    n integer;
    i integer;
    j integer;
    k integer;
    nums numeric[];
    pre text;
    post text;
    u text;
    result numeric[] := '{}';
    x numeric;
BEGIN
    FOR w IN SELECT * FROM (VALUES
        ('twenty[- ]four', '24'), ('thirty[- ]six', '36'), ('forty[- ]eight', '48'), ('fifty[- ]two', '52'),
        ('one', '1'), ('two', '2'), ('three', '3'), ('four', '4'), ('five', '5'), ('six', '6'),
        ('seven', '7'), ('eight', '8'), ('nine', '9'), ('ten', '10'), ('eleven', '11'), ('twelve', '12'),
        ('fifteen', '15'), ('eighteen', '18'), ('twenty', '20'), ('thirty', '30'), ('sixty', '60')) AS v(word, digits)
    LOOP
        t := regexp_replace(t, '\m' || w.word || '\M', w.digits, 'g');
    END LOOP;
    t := regexp_replace(t, '([a-z])([0-9])', '\1 \2', 'g');
    t := regexp_replace(t, '([0-9])([a-z])', '\1 \2', 'g');
    t := regexp_replace(t, '([0-9])\s*-\s*([a-z])', '\1 \2', 'g');   -- "6-month"

    FOR tok IN SELECT regexp_matches(t, '([0-9]+(?:\.[0-9]+)?|[a-z]+|[,;&/+-])', 'g')
    LOOP
        IF tok[1] ~ '^[0-9]' THEN
            kind := kind || 'num'::text; val := val || tok[1];
        ELSIF tok[1] IN ('day', 'days', 'd') THEN kind := kind || 'unit'::text; val := val || 'day'::text;
        ELSIF tok[1] IN ('week', 'weeks', 'wk', 'wks', 'w') THEN kind := kind || 'unit'::text; val := val || 'week'::text;
        ELSIF tok[1] IN ('month', 'months', 'mo', 'mos', 'm') THEN kind := kind || 'unit'::text; val := val || 'month'::text;
        ELSIF tok[1] IN ('year', 'years', 'yr', 'yrs', 'y') THEN kind := kind || 'unit'::text; val := val || 'year'::text;
        ELSIF tok[1] IN ('hour', 'hours', 'hr', 'hrs', 'h') THEN kind := kind || 'unit'::text; val := val || 'hour'::text;
        ELSIF tok[1] IN (',', ';', '&', '-', 'and', 'or', 'to', 'through', 'then') THEN
            kind := kind || 'sep'::text; val := val || tok[1];
        ELSIF tok[1] IN ('baseline', 'pre', 'pretreatment', 'preoperative', 'preoperatively', 'screening') THEN
            kind := kind || 'base'::text; val := val || tok[1];
        ELSE
            kind := kind || 'word'::text; val := val || tok[1];
        END IF;
    END LOOP;

    n := coalesce(array_length(kind, 1), 0);
    i := 1;
    WHILE i <= n LOOP
        IF kind[i] = 'base' THEN
            IF NOT 0 = ANY (result) THEN result := result || 0::numeric; END IF;
            i := i + 1;
            CONTINUE;
        END IF;
        IF kind[i] <> 'num' THEN
            i := i + 1;
            CONTINUE;
        END IF;
        -- a run of numbers joined by separators: "3, 6 and 12"
        nums := ARRAY[val[i]::numeric];
        j := i;
        WHILE j + 2 <= n AND kind[j + 1] = 'sep' AND kind[j + 2] = 'num' LOOP
            nums := nums || val[j + 2]::numeric;
            j := j + 2;
        END LOOP;
        pre := CASE WHEN i > 1 AND kind[i - 1] = 'unit' THEN val[i - 1] END;
        post := CASE WHEN j < n AND kind[j + 1] = 'unit' THEN val[j + 1] END;
        FOR k IN 1 .. cardinality(nums) LOOP
            -- "week 4 and 6 months": the last number takes the unit after
            -- the run, the others the unit before it
            u := CASE WHEN post IS NOT NULL AND (pre IS NULL OR k = cardinality(nums)) THEN post ELSE pre END;
            CONTINUE WHEN u IS NULL;
            x := trim_scale(round(CASE u WHEN 'day' THEN nums[k] / 7
                              WHEN 'week' THEN nums[k]
                              WHEN 'month' THEN nums[k] * 52 / 12
                              WHEN 'year' THEN nums[k] * 52
                              WHEN 'hour' THEN nums[k] / 168 END, 2));
            IF NOT x = ANY (result) THEN result := result || x; END IF;
        END LOOP;
        i := j + 1;
    END LOOP;
    RETURN result;
END
$fn$;
COMMENT ON FUNCTION @extschema@.timepoint_weeks(text) IS
    'the timepoints a time frame names, in weeks, in order of mention, each once: "Baseline" is 0, "Day 7" 1, "12 weeks" 12, "6 months" 26 (a month is 52/12 weeks), "1 year" 52, "48 hours" 0.29; lists ("3 and 6 months", "weeks 4, 8 and 12") give several; rounded to two decimals (0.01 week is under two hours); empty when none';

CREATE OR REPLACE FUNCTION @extschema@.results_group_arm(group_title text, arm_labels text[])
    RETURNS integer
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    g text := btrim(regexp_replace(lower(coalesce(group_title, '')), '[^a-z0-9]+', ' ', 'g'));
    gs text;
    labels text[];
    stripped text[];
    hit integer[];
    i integer;
BEGIN
    IF g = '' OR arm_labels IS NULL THEN
        RETURN NULL;
    END IF;
    labels := ARRAY(SELECT btrim(regexp_replace(lower(coalesce(l, '')), '[^a-z0-9]+', ' ', 'g'))
                    FROM unnest(arm_labels) WITH ORDINALITY AS u(l, o) ORDER BY o);
    -- 1. the same words
    hit := ARRAY(SELECT o FROM unnest(labels) WITH ORDINALITY AS u(l, o) WHERE l = g);
    IF cardinality(hit) = 1 THEN RETURN hit[1]; END IF;
    IF cardinality(hit) > 1 THEN RETURN NULL; END IF;
    -- 2. the same words once a leading number is dropped ("1 Placebo", "2. Repaglinide")
    gs := coalesce(nullif(regexp_replace(g, '^[0-9]+ ', ''), ''), g);
    stripped := ARRAY(SELECT coalesce(nullif(regexp_replace(l, '^[0-9]+ ', ''), ''), l)
                      FROM unnest(labels) WITH ORDINALITY AS u(l, o) ORDER BY o);
    hit := ARRAY(SELECT o FROM unnest(stripped) WITH ORDINALITY AS u(l, o) WHERE l = gs);
    IF cardinality(hit) = 1 THEN RETURN hit[1]; END IF;
    IF cardinality(hit) > 1 THEN RETURN NULL; END IF;
    -- 3. one label contains the other as whole words, for exactly one arm
    hit := ARRAY(SELECT o FROM unnest(stripped) WITH ORDINALITY AS u(l, o)
                 WHERE l <> '' AND (' ' || l || ' ' LIKE '% ' || gs || ' %' OR ' ' || gs || ' ' LIKE '% ' || l || ' %'));
    IF cardinality(hit) = 1 THEN RETURN hit[1]; END IF;
    RETURN NULL;
END
$fn$;
COMMENT ON FUNCTION @extschema@.results_group_arm(text, text[]) IS
    'position (1-based) in arm_labels of the arm a results group title (outcome or adverse-event group) stands for: the label with the same words (case and punctuation ignored), else the same words once a leading number is dropped ("1 Placebo" for "Placebo"), else the only label containing it or contained in it as whole words; NULL when none or several match';

CREATE OR REPLACE FUNCTION @extschema@.ctgov_number(value text)
    RETURNS numeric
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN value ~ '^\s*[-+]?([0-9]{1,15}(\.[0-9]{0,15})?|\.[0-9]{1,15})\s*$' THEN btrim(value)::numeric END;
COMMENT ON FUNCTION @extschema@.ctgov_number(text) IS
    'a decimal number as ClinicalTrials.gov results write them ("12.5", "-2.11"), NULL for anything else ("NA", "<0.001", "1,234")';

CREATE OR REPLACE FUNCTION @extschema@.ctgov_integer(value jsonb)
    RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE
    WHEN jsonb_typeof(value) = 'number' AND value::text ~ '^[0-9]{1,9}$' THEN value::text::integer
    WHEN jsonb_typeof(value) = 'string' AND (value #>> '{}') ~ '^\s*[0-9]{1,9}\s*$' THEN btrim(value #>> '{}')::integer
END;
COMMENT ON FUNCTION @extschema@.ctgov_integer(jsonb) IS
    'a count in a ClinicalTrials.gov record (a JSON number or a string of digits, 0 to 999999999), NULL for anything else';

-- Registry: tables for trials, arms, arm-level outcomes, participants,
-- assessments, adverse events and import problems; the text readers that
-- ctgov_import() uses (condition category, pain instrument and its scale,
-- timepoints, results-group to arm matching); ctgov_import(); reporting
-- views.
--
-- SQL functions have SQL-standard bodies (bound when created); PL/pgSQL
-- functions run with SET search_path = pg_catalog, @extschema@, pg_temp.

-- ===================================================================
-- Standard deviations from what reports give instead (C, registry_stat.c)
-- ===================================================================

CREATE FUNCTION @extschema@.sd_from_se(se double precision, n integer)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'registry_sd_from_se_sql' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sd_from_se(double precision, integer) IS
    'standard deviation of a group of n from the standard error of its mean: se * sqrt(n) (Cochrane Handbook 6.5.2.2)';

CREATE FUNCTION @extschema@.sd_from_ci(lower double precision, upper double precision, n integer,
                                       level double precision DEFAULT 0.95)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'registry_sd_from_ci_sql' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sd_from_ci(double precision, double precision, integer, double precision) IS
    'standard deviation of a group of n (>= 2) from a two-sided confidence interval of its mean: sqrt(n) * (upper - lower) / (2 * t), t the (1 + level)/2 quantile of Student''s t on n - 1 degrees of freedom (Cochrane Handbook 6.5.2.2)';

-- ===================================================================
-- Vocabulary and text readers
-- ===================================================================

CREATE FUNCTION @extschema@.condition_categories(condition text)
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

CREATE FUNCTION @extschema@.condition_category(conditions text[])
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

CREATE FUNCTION @extschema@.msc_mentioned(description text)
    RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN description ~* '(mesenchymal|(^|[^a-z])[a-z]{0,5}-?mscs?($|[^a-z])|\m(mpcs?|ascs?|adscs?|bmscs?|dpscs?)\M|stromal (vascular fraction|cells?)|\msvf\M|\mbmac\M|bone marrow (aspirate )?concentrate|lipoaspirate|micro-?fragmented (adipose|fat)|lipogems|(adipose|\mfat\M|marrow|umbilical|\mcord\M|placenta|amnio|synovi|dental pulp|wharton|menstrual)[a-z ,''-]{0,40}(stem|stromal|progenitor|regenerative) cells?|(stem|stromal|progenitor|regenerative) cells?[a-z ,''-]{0,40}(adipose|\mfat\M|marrow|umbilical|placenta|wharton|synovi|dental pulp)|\mmenscs?\M|\madas cells?|prochymal|remestemcel|pneumostem|cordstem|furestem|rexlemestrocel|stempeucel|cartistem|jointstem|cellgram|astrostem|elixcyte|obnitix|alofisel|darvadstrocel|temcell|stemirac|\mcx601\M|neofuse|\mplx-pad\M)'
   AND NOT (description ~* 'ha?ematopoietic|\mcd34' AND description !~* '(mesenchymal|stromal|(^|[^a-z])[a-z]{0,5}-?mscs?($|[^a-z]))');
COMMENT ON FUNCTION @extschema@.msc_mentioned(text) IS
    'true when a text describes mesenchymal stem/stromal cells: "mesenchymal", MSC and its prefixed forms (hMSC, AD-MSC, hUC-MSC ...), MPC, ASC, ADSC, BMSC, DPSC, SVF, BMAC, bone marrow concentrate, lipoaspirate, microfragmented adipose, stem/stromal/progenitor cells named with their tissue, or a licensed or investigational MSC product by name (Prochymal/remestemcel-L, rexlemestrocel-L, Stempeucel, Cartistem, Cordstem, Pneumostem, JointStem, Alofisel/darvadstrocel, Temcell, Stemirac, NeoFuse, PLX-PAD ...); hematopoietic stem cells alone are not MSCs';

CREATE FUNCTION @extschema@.co_interventions_in(description text)
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

CREATE FUNCTION @extschema@.pain_instrument_range(instrument text)
    RETURNS numrange
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN (SELECT numrange(p.min, p.max, '[]') FROM @extschema@.pain_instruments() AS p WHERE p.name = instrument);
COMMENT ON FUNCTION @extschema@.pain_instrument_range(text) IS
    'the range [min, max] of a pain_score instrument given by its canonical name (pain_instruments()), NULL for any other text';

CREATE FUNCTION @extschema@.pain_instrument_match(title text, unit text,
    OUT instrument text, OUT families text[], OUT reason text)
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, @extschema@, pg_temp
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

CREATE FUNCTION @extschema@.pain_instrument_of(title text, unit text)
    RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN (@extschema@.pain_instrument_match(title, unit)).instrument;
COMMENT ON FUNCTION @extschema@.pain_instrument_of(text, text) IS
    'the pain_score instrument an outcome measure''s title and unit name, e.g. womac_pain for "WOMAC pain subscale", vas for "Visual Analog Scale (VAS) for pain"; NULL when none or when it is unclear (WOMAC without a subscale, a VAS or NRS not about pain, several instruments); pain_instrument_match() says why';

CREATE FUNCTION @extschema@.scale_maxima(description text)
    RETURNS numeric[]
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, @extschema@, pg_temp
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

CREATE FUNCTION @extschema@.pain_scale_of(instrument text, title text, unit text, description text,
    OUT instrument_used text, OUT factor numeric, OUT conversion text, OUT problem text)
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
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
END
$fn$;
COMMENT ON FUNCTION @extschema@.pain_scale_of(text, text, text, text) IS
    'the scale an outcome measure reports an instrument on, from the ranges its title, unit and description state (scale_maxima): the instrument to store, the factor to multiply values by (10 for a VAS in cm or a 0-10 patient global), the conversion made, in words; or the problem when the scale is unclear or not one of the instrument (WOMAC and VAS must state theirs; NRS, KOOS, ODI, RMDQ, BPI, Lysholm and IKDC have one)';

CREATE FUNCTION @extschema@.timepoint_weeks(time_frame text)
    RETURNS numeric[]
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, @extschema@, pg_temp
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

CREATE FUNCTION @extschema@.results_group_arm(group_title text, arm_labels text[])
    RETURNS integer
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, @extschema@, pg_temp
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

CREATE FUNCTION @extschema@.ctgov_number(value text)
    RETURNS numeric
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN value ~ '^\s*[-+]?([0-9]{1,15}(\.[0-9]{0,15})?|\.[0-9]{1,15})\s*$' THEN btrim(value)::numeric END;
COMMENT ON FUNCTION @extschema@.ctgov_number(text) IS
    'a decimal number as ClinicalTrials.gov results write them ("12.5", "-2.11"), NULL for anything else ("NA", "<0.001", "1,234")';

CREATE FUNCTION @extschema@.ctgov_integer(value jsonb)
    RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE
    WHEN jsonb_typeof(value) = 'number' AND value::text ~ '^[0-9]{1,9}$' THEN value::text::integer
    WHEN jsonb_typeof(value) = 'string' AND (value #>> '{}') ~ '^\s*[0-9]{1,9}\s*$' THEN btrim(value #>> '{}')::integer
END;
COMMENT ON FUNCTION @extschema@.ctgov_integer(jsonb) IS
    'a count in a ClinicalTrials.gov record (a JSON number or a string of digits, 0 to 999999999), NULL for anything else';

-- ===================================================================
-- Tables
-- ===================================================================

CREATE TABLE @extschema@.trial (
    trial_id            @extschema@.trial_id PRIMARY KEY,
    title               text CHECK (btrim(title) <> ''),
    official_title      text,
    conditions          text[] NOT NULL DEFAULT '{}',
    condition_category  text NOT NULL DEFAULT 'other'
        CHECK (condition_category IN ('knee_oa', 'hip_oa', 'low_back_pain', 'tendinopathy',
               'neuropathic_pain', 'rheumatoid_arthritis', 'spinal_cord_injury',
               'multiple_sclerosis', 'sjogren', 'other')),
    phases              text[] NOT NULL DEFAULT '{}'
        CHECK (phases <@ ARRAY['na', 'early_phase1', 'phase1', 'phase2', 'phase3', 'phase4']),
    study_type          text CHECK (study_type IN ('interventional', 'observational', 'expanded_access')),
    overall_status      text CHECK (overall_status IN ('active_not_recruiting', 'completed',
               'enrolling_by_invitation', 'not_yet_recruiting', 'recruiting', 'suspended',
               'terminated', 'withdrawn', 'available', 'no_longer_available',
               'temporarily_not_available', 'approved_for_marketing', 'withheld', 'unknown')),
    enrollment          integer CHECK (enrollment >= 0),
    start_date          text CHECK (start_date ~ '^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$'),
    has_results         boolean,
    origin              text NOT NULL DEFAULT 'manual' CHECK (origin IN ('manual', 'ctgov')),
    ctgov_record        jsonb CHECK (jsonb_typeof(ctgov_record) = 'object'),
    imported_at         timestamptz,
    CONSTRAINT trial_origin_record_check
        CHECK ((origin = 'ctgov') = (ctgov_record IS NOT NULL AND imported_at IS NOT NULL))
);
COMMENT ON TABLE @extschema@.trial IS
    'one clinical trial, entered by hand (origin manual) or loaded by ctgov_import() (origin ctgov)';
COMMENT ON COLUMN @extschema@.trial.trial_id IS 'registry identifier (NCT number for ClinicalTrials.gov records)';
COMMENT ON COLUMN @extschema@.trial.title IS 'brief title';
COMMENT ON COLUMN @extschema@.trial.conditions IS 'conditions as registered, in registry order';
COMMENT ON COLUMN @extschema@.trial.condition_category IS
    'pain condition the trial studies; ctgov_import() derives it with condition_category(conditions || brief title)';
COMMENT ON COLUMN @extschema@.trial.phases IS 'phases, lower case ClinicalTrials.gov codes: na, early_phase1, phase1 ... phase4';
COMMENT ON COLUMN @extschema@.trial.study_type IS 'interventional, observational or expanded_access';
COMMENT ON COLUMN @extschema@.trial.overall_status IS 'recruitment status, lower case ClinicalTrials.gov code (completed, recruiting ...)';
COMMENT ON COLUMN @extschema@.trial.enrollment IS 'participants enrolled (actual or anticipated, as registered)';
COMMENT ON COLUMN @extschema@.trial.start_date IS 'start date as registered: YYYY, YYYY-MM or YYYY-MM-DD (partial dates are not completed)';
COMMENT ON COLUMN @extschema@.trial.has_results IS 'the registry record has posted results';
COMMENT ON COLUMN @extschema@.trial.origin IS 'manual (entered by hand) or ctgov (loaded by ctgov_import)';
COMMENT ON COLUMN @extschema@.trial.ctgov_record IS 'the ClinicalTrials.gov API v2 record last imported, verbatim';
COMMENT ON COLUMN @extschema@.trial.imported_at IS 'when ctgov_import() last loaded the record';

CREATE TABLE @extschema@.arm (
    arm_id              bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    trial_id            @extschema@.trial_id NOT NULL REFERENCES @extschema@.trial ON DELETE CASCADE,
    label               text NOT NULL CHECK (btrim(label) <> ''),
    arm_type            text CHECK (arm_type IN ('experimental', 'active_comparator', 'placebo_comparator',
                                                 'sham_comparator', 'no_intervention', 'other')),
    description         text,
    interventions       text[] NOT NULL DEFAULT '{}',
    is_msc              boolean NOT NULL DEFAULT false,
    source              @extschema@.msc_source,
    donor               @extschema@.msc_donor,
    manipulation        @extschema@.msc_manipulation,
    route               @extschema@.msc_route,
    dose                @extschema@.cell_dose,
    co_interventions    text[] NOT NULL DEFAULT '{}'
        CHECK (co_interventions <@ ARRAY['prp', 'hyaluronic_acid', 'corticosteroid', 'surgery', 'physiotherapy', 'other']),
    sae_affected        integer CHECK (sae_affected >= 0),
    sae_at_risk         integer CHECK (sae_at_risk >= 0),
    deaths              integer CHECK (deaths >= 0),
    deaths_at_risk      integer CHECK (deaths_at_risk >= 0),
    UNIQUE (trial_id, label),
    UNIQUE (arm_id, trial_id),
    CONSTRAINT arm_msc_product_only_msc_check
        CHECK (is_msc OR (source IS NULL AND donor IS NULL AND manipulation IS NULL AND dose IS NULL)),
    CONSTRAINT arm_sae_within_risk_check CHECK (sae_affected <= sae_at_risk),
    CONSTRAINT arm_deaths_within_risk_check CHECK (deaths <= deaths_at_risk)
);
COMMENT ON TABLE @extschema@.arm IS
    'one arm (group) of a trial: what it received (MSC product, route, dose, other treatments) and its overall safety counts';
COMMENT ON COLUMN @extschema@.arm.label IS 'arm label as registered, unique within the trial';
COMMENT ON COLUMN @extschema@.arm.arm_type IS 'experimental, active_comparator, placebo_comparator, sham_comparator, no_intervention or other';
COMMENT ON COLUMN @extschema@.arm.interventions IS 'the interventions the arm received, as "Type: name" (ClinicalTrials.gov style)';
COMMENT ON COLUMN @extschema@.arm.is_msc IS
    'the arm receives mesenchymal stem/stromal cells; on import: an arm that is not a placebo, sham or no-intervention arm and whose text msc_mentioned()';
COMMENT ON COLUMN @extschema@.arm.source IS 'source tissue of the cells (MSC arms only); NULL when not stated or when several are';
COMMENT ON COLUMN @extschema@.arm.donor IS 'autologous or allogeneic (MSC arms only)';
COMMENT ON COLUMN @extschema@.arm.manipulation IS 'culture_expanded or minimally_manipulated (MSC arms only)';
COMMENT ON COLUMN @extschema@.arm.route IS 'route of administration of the arm''s injection (control arms too); NULL when not stated or when several are';
COMMENT ON COLUMN @extschema@.arm.dose IS 'cell dose (MSC arms only)';
COMMENT ON COLUMN @extschema@.arm.co_interventions IS
    'treatments besides cells the arm received (for a control arm: its treatment): prp, hyaluronic_acid, corticosteroid, surgery, physiotherapy, other';
COMMENT ON COLUMN @extschema@.arm.sae_affected IS 'participants with any serious adverse event';
COMMENT ON COLUMN @extschema@.arm.sae_at_risk IS 'participants at risk of serious adverse events';
COMMENT ON COLUMN @extschema@.arm.deaths IS 'deaths from any cause';
COMMENT ON COLUMN @extschema@.arm.deaths_at_risk IS 'participants at risk for all-cause mortality';

CREATE TABLE @extschema@.outcome (
    outcome_id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    arm_id              bigint NOT NULL REFERENCES @extschema@.arm ON DELETE CASCADE,
    instrument          text NOT NULL CHECK (@extschema@.pain_instrument_range(instrument) IS NOT NULL),
    week                numeric(7,2) NOT NULL CHECK (week >= 0),
    kind                text NOT NULL CHECK (kind IN ('value', 'change')),
    statistic           text NOT NULL DEFAULT 'mean' CHECK (statistic IN ('mean', 'least_squares_mean')),
    n                   integer NOT NULL CHECK (n > 0),
    mean                numeric NOT NULL,
    sd                  numeric CHECK (sd >= 0),
    sd_source           text CHECK (sd_source IN ('reported', 'se', 'ci80', 'ci90', 'ci95', 'ci97.5', 'ci99')),
    conversion          text,
    measure             text,
    time_frame          text,
    json_path           text CHECK (json_path ~ '^\$'),
    UNIQUE (arm_id, instrument, week, kind),
    CONSTRAINT outcome_sd_with_source_check CHECK ((sd IS NULL) = (sd_source IS NULL)),
    CONSTRAINT outcome_change_after_baseline_check CHECK (kind = 'value' OR week > 0),
    CONSTRAINT outcome_mean_in_range_check CHECK (CASE kind
           WHEN 'value' THEN @extschema@.pain_instrument_range(instrument) @> mean
           ELSE abs(mean) <= upper(@extschema@.pain_instrument_range(instrument)) - lower(@extschema@.pain_instrument_range(instrument))
           END)
);
COMMENT ON TABLE @extschema@.outcome IS
    'arm-level result on a pain or function instrument at one timepoint: n, mean and SD of the value or of the change from baseline, as a report gives it';
COMMENT ON COLUMN @extschema@.outcome.instrument IS 'canonical pain_score instrument name (pain_instruments())';
COMMENT ON COLUMN @extschema@.outcome.week IS 'timepoint in weeks since baseline (0 = baseline; months are 52/12 weeks)';
COMMENT ON COLUMN @extschema@.outcome.kind IS 'value (the score at that week) or change (follow-up minus baseline, in the instrument''s unit)';
COMMENT ON COLUMN @extschema@.outcome.statistic IS 'mean or least_squares_mean (model-adjusted)';
COMMENT ON COLUMN @extschema@.outcome.n IS 'participants analysed';
COMMENT ON COLUMN @extschema@.outcome.mean IS 'mean, in the instrument''s unit (after any conversion named in conversion)';
COMMENT ON COLUMN @extschema@.outcome.sd IS 'standard deviation; NULL when the report gives none that an SD can be derived from';
COMMENT ON COLUMN @extschema@.outcome.sd_source IS 'reported, or derived: se (SE x sqrt(n)) or ciNN (from an NN% confidence interval, sd_from_ci)';
COMMENT ON COLUMN @extschema@.outcome.conversion IS 'scale conversion applied to mean and sd on import, in words; NULL when none';
COMMENT ON COLUMN @extschema@.outcome.measure IS 'title of the outcome measure it comes from';
COMMENT ON COLUMN @extschema@.outcome.time_frame IS 'time frame of the outcome measure as registered';
COMMENT ON COLUMN @extschema@.outcome.json_path IS 'where in the imported record the value is (JSONPath)';

CREATE TABLE @extschema@.participant (
    participant_id      bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    trial_id            @extschema@.trial_id NOT NULL,
    arm_id              bigint NOT NULL,
    code                text NOT NULL CHECK (btrim(code) <> ''),
    site                text CHECK (btrim(site) <> ''),
    UNIQUE (trial_id, code),
    FOREIGN KEY (arm_id, trial_id) REFERENCES @extschema@.arm (arm_id, trial_id) ON DELETE CASCADE
);
COMMENT ON TABLE @extschema@.participant IS 'one participant of a trial, in one arm (of the same trial), at a site';
COMMENT ON COLUMN @extschema@.participant.code IS 'the trial''s pseudonymous participant code, unique within the trial';
COMMENT ON COLUMN @extschema@.participant.site IS
    'study site (centre) the participant was enrolled at, one of table site; the roles that work at it see the participant (policy participant_by_site); NULL: only registry administrators do';

CREATE TABLE @extschema@.assessment (
    participant_id      bigint NOT NULL REFERENCES @extschema@.participant ON DELETE CASCADE,
    week                numeric(7,2) NOT NULL CHECK (week >= 0),
    score               @extschema@.pain_score NOT NULL,
    instrument          text GENERATED ALWAYS AS (@extschema@.instrument(score)) STORED,
    PRIMARY KEY (participant_id, week, instrument)
);
COMMENT ON TABLE @extschema@.assessment IS 'one score of one participant on one instrument at one timepoint';
COMMENT ON COLUMN @extschema@.assessment.week IS 'timepoint in weeks since baseline (0 = baseline)';
COMMENT ON COLUMN @extschema@.assessment.score IS 'the score, e.g. vas:45 or womac_pain:12';
COMMENT ON COLUMN @extschema@.assessment.instrument IS 'instrument of the score (generated: instrument(score)), part of the key';

CREATE TABLE @extschema@.adverse_event (
    adverse_event_id    bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    arm_id              bigint NOT NULL REFERENCES @extschema@.arm ON DELETE CASCADE,
    term                text NOT NULL CHECK (btrim(term) <> ''),
    organ_system        text,
    serious             boolean NOT NULL,
    grade               smallint CHECK (grade BETWEEN 1 AND 5),
    relatedness         text CHECK (relatedness IN ('unrelated', 'unlikely', 'possible', 'probable', 'definite')),
    n_affected          integer NOT NULL CHECK (n_affected >= 0),
    n_at_risk           integer NOT NULL,
    n_events            integer,
    CONSTRAINT adverse_event_affected_within_risk_check CHECK (n_affected <= n_at_risk),
    CONSTRAINT adverse_event_events_cover_affected_check CHECK (n_events >= n_affected),
    UNIQUE NULLS NOT DISTINCT (arm_id, serious, term, organ_system, grade, relatedness)
);
COMMENT ON TABLE @extschema@.adverse_event IS
    'adverse events of one term in one arm: participants affected among those at risk';
COMMENT ON COLUMN @extschema@.adverse_event.term IS 'event term as reported (MedDRA preferred term on ClinicalTrials.gov)';
COMMENT ON COLUMN @extschema@.adverse_event.organ_system IS 'organ system class as reported';
COMMENT ON COLUMN @extschema@.adverse_event.serious IS 'serious adverse event (ClinicalTrials.gov seriousEvents) or not (otherEvents)';
COMMENT ON COLUMN @extschema@.adverse_event.grade IS 'CTCAE grade 1 (mild) to 5 (death); NULL when not reported (ClinicalTrials.gov reports none)';
COMMENT ON COLUMN @extschema@.adverse_event.relatedness IS 'attribution to the treatment: unrelated, unlikely, possible, probable, definite; NULL when not reported';
COMMENT ON COLUMN @extschema@.adverse_event.n_affected IS 'participants with the event';
COMMENT ON COLUMN @extschema@.adverse_event.n_at_risk IS 'participants at risk';
COMMENT ON COLUMN @extschema@.adverse_event.n_events IS 'number of events (a participant may have several); NULL when not reported';

CREATE TABLE @extschema@.import_problem (
    problem_id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    trial_id            @extschema@.trial_id NOT NULL REFERENCES @extschema@.trial ON DELETE CASCADE,
    json_path           text NOT NULL CHECK (json_path ~ '^\$'),
    reason              text NOT NULL CHECK (btrim(reason) <> ''),
    dropped             boolean NOT NULL DEFAULT true,
    raw_value           jsonb,
    recorded_at         timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE @extschema@.import_problem IS
    'what ctgov_import() could not read or chose not to load, with where it is in the record and why; replaced on every import of the trial';
COMMENT ON COLUMN @extschema@.import_problem.json_path IS 'JSONPath of the value in the record, e.g. $.resultsSection.outcomeMeasuresModule.outcomeMeasures[2].classes[0].categories[0].measurements[1]';
COMMENT ON COLUMN @extschema@.import_problem.reason IS 'what is wrong, and what was done (not loaded, loaded without an SD ...)';
COMMENT ON COLUMN @extschema@.import_problem.dropped IS
    'true when the value at json_path (with everything under it) was not loaded; false when it was loaded in part or as noted (without an SD, without a source, a category chosen ...)';
COMMENT ON COLUMN @extschema@.import_problem.raw_value IS 'the value as it is in the record';

CREATE INDEX participant_arm_idx ON @extschema@.participant (arm_id);
COMMENT ON INDEX @extschema@.participant_arm_idx IS 'participants of an arm (arm summaries, cascading deletes)';
CREATE INDEX import_problem_trial_idx ON @extschema@.import_problem (trial_id);
COMMENT ON INDEX @extschema@.import_problem_trial_idx IS 'problems of a trial (re-import, cascading deletes)';
CREATE INDEX trial_condition_idx ON @extschema@.trial (condition_category);
COMMENT ON INDEX @extschema@.trial_condition_idx IS 'trials of a condition category (pooled effects)';
CREATE INDEX arm_msc_idx ON @extschema@.arm (trial_id) WHERE is_msc;
COMMENT ON INDEX @extschema@.arm_msc_idx IS 'MSC arms of a trial (trial effects)';

SELECT pg_catalog.pg_extension_config_dump('@extschema@.trial', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.arm', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.outcome', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.participant', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.assessment', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.adverse_event', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.import_problem', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.arm_arm_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.outcome_outcome_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.participant_participant_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.adverse_event_adverse_event_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.import_problem_problem_id_seq', '');

-- ===================================================================
-- ClinicalTrials.gov import
-- ===================================================================

CREATE FUNCTION @extschema@.ctgov_timepoint(class_title text, n_classes integer,
    category_title text, n_categories integer, time_frame text, kind text,
    OUT week numeric, OUT problem text)
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
DECLARE
    titles text[] := ARRAY[class_title, category_title];
    counts integer[] := ARRAY[n_classes, n_categories];
    whats text[] := ARRAY['class', 'category'];
    w numeric[];
BEGIN
    FOR i IN 1 .. 2 LOOP
        CONTINUE WHEN coalesce(btrim(titles[i]), '') = '';
        w := @extschema@.timepoint_weeks(titles[i]);
        IF cardinality(w) = 1 THEN
            IF week IS NOT NULL AND week <> w[1] THEN
                problem := format('the class title "%s" and the category title "%s" name different timepoints',
                                  titles[1], titles[2]);
                week := NULL;
                RETURN;
            END IF;
            week := w[1];
        ELSIF cardinality(w) > 1 THEN
            problem := format('the %s title "%s" names several timepoints', whats[i], titles[i]);
            RETURN;
        ELSIF coalesce(counts[i], 1) > 1 THEN
            problem := format('the %s title "%s" is not a timepoint: results by subgroup are not loaded', whats[i], titles[i]);
            RETURN;
        END IF;
    END LOOP;
    IF week IS NULL THEN
        w := coalesce(@extschema@.timepoint_weeks(time_frame), '{}');
        IF kind = 'change' THEN
            w := array_remove(w, 0::numeric);
        END IF;
        IF cardinality(w) = 1 THEN
            week := w[1];
        ELSIF cardinality(w) = 0 THEN
            problem := format('the time frame "%s" names no timepoint', coalesce(time_frame, ''));
            RETURN;
        ELSE
            problem := format('the time frame "%s" names several timepoints (weeks %s) and the results do not say which',
                              time_frame, array_to_string(w, ', '));
            RETURN;
        END IF;
    END IF;
    IF kind = 'change' AND week = 0 THEN
        problem := 'a change from baseline at baseline';
        week := NULL;
    END IF;
END
$fn$;
COMMENT ON FUNCTION @extschema@.ctgov_timepoint(text, integer, text, integer, text, text) IS
    'the week of one class/category of ClinicalTrials.gov results: from a class or category title that names one timepoint ("Week 12", "Month 6"), else from the measure''s time frame when it names one (baseline not counted for a change); or the problem (several timepoints, subgroup titles, none)';

CREATE FUNCTION @extschema@.ctgov_import(record jsonb)
    RETURNS @extschema@.trial_id
    LANGUAGE plpgsql VOLATILE STRICT
    SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
DECLARE
    not_study_hint constant text :=
        'ctgov_import() takes one study as the ClinicalTrials.gov API v2 returns it '
        '(https://clinicaltrials.gov/api/v2/studies/NCT01234567): a JSON object with protocolSection.identificationModule.nctId.';
    ps jsonb;
    nct text;
    tid @extschema@.trial_id;
    probs jsonb := '[]';
    -- trial
    v_title text;
    v_official text;
    v_conditions text[] := '{}';
    v_category text;
    v_all_categories text[];
    v_phases text[] := '{}';
    v_study_type text;
    v_status text;
    v_enrollment integer;
    v_start text;
    v_has_results boolean;
    -- arms
    arm_labels text[] := '{}';
    arm_ids bigint[] := '{}';
    ivs jsonb;
    ag jsonb;
    ai bigint;
    iv jsonb;
    apath text;
    v_label text;
    v_type text;
    v_descr text;
    v_ivnames text[];
    texts text[];
    full_text text;
    v_is_msc boolean;
    v_sources @extschema@.msc_source[];
    v_routes @extschema@.msc_route[];
    v_source @extschema@.msc_source;
    v_route @extschema@.msc_route;
    v_donor @extschema@.msc_donor;
    v_manip @extschema@.msc_manipulation;
    v_dose @extschema@.cell_dose;
    v_co text[];
    v_arm_id bigint;
    msg text;
    -- outcomes
    om jsonb;
    oi bigint;
    mpath text;
    im record;
    sc record;
    tp record;
    v_stat text;
    v_kind text;
    dt text;
    disp text;
    lvl text;
    v_level double precision;
    v_sd_source text;
    gmap jsonb;
    g jsonb;
    gi bigint;
    cls jsonb;
    ci bigint;
    cat jsonb;
    ki bigint;
    meas jsonb;
    mi bigint;
    cpath text;
    kpath text;
    path text;
    denoms jsonb;
    n_classes integer;
    n_cats integer;
    gid text;
    v_n integer;
    v_mean numeric;
    v_sd numeric;
    v_spread numeric;
    lo numeric;
    hi numeric;
    rng numrange;
    cnt bigint;
    -- adverse events
    emap jsonb := '{}';
    unmatched text[] := '{}';
    aem jsonb;
    lst record;
    ev jsonb;
    ei bigint;
    st jsonb;
    si bigint;
    epath text;
    spath text;
    v_term text;
    v_organ text;
    v_aff integer;
    v_risk integer;
    v_events integer;
    sa integer;
    sr integer;
    da integer;
    dr integer;
BEGIN
    -- ---- is it one ClinicalTrials.gov API v2 study? ----
    IF jsonb_typeof(record) <> 'object' THEN
        RAISE EXCEPTION 'document is not a ClinicalTrials.gov study record: it is a JSON %', jsonb_typeof(record)
            USING ERRCODE = 'invalid_parameter_value', HINT = not_study_hint;
    END IF;
    IF record ? 'studies' THEN
        RAISE EXCEPTION 'document is a page of ClinicalTrials.gov search results, not one study record'
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Import each study of the page: SELECT ctgov_import(s) FROM jsonb_array_elements(doc -> ''studies'') AS s;';
    END IF;
    IF record ?| ARRAY['FullStudiesResponse', 'FullStudy', 'StudyFieldsResponse', 'ProtocolSection']
       OR jsonb_typeof(record #> '{Study,ProtocolSection}') = 'object' THEN
        RAISE EXCEPTION 'document is a record of the retired ClinicalTrials.gov API v1, not of API v2'
            USING ERRCODE = 'invalid_parameter_value', HINT = not_study_hint;
    END IF;
    ps := record -> 'protocolSection';
    IF jsonb_typeof(ps) IS DISTINCT FROM 'object' THEN
        RAISE EXCEPTION 'document is not a ClinicalTrials.gov study record: it has no "protocolSection" object'
            USING ERRCODE = 'invalid_parameter_value', HINT = not_study_hint;
    END IF;
    IF ps #> '{identificationModule,nctId}' IS NULL THEN
        RAISE EXCEPTION 'document is not a ClinicalTrials.gov study record: it has no protocolSection.identificationModule.nctId'
            USING ERRCODE = 'invalid_parameter_value', HINT = not_study_hint;
    END IF;
    nct := CASE WHEN jsonb_typeof(ps #> '{identificationModule,nctId}') = 'string'
                THEN ps #>> '{identificationModule,nctId}' ELSE (ps #> '{identificationModule,nctId}')::text END;
    IF nct !~ '^NCT[0-9]{8}$' THEN
        RAISE EXCEPTION 'nctId "%" of the study record is not a ClinicalTrials.gov identifier', left(nct, 48)
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'An NCT number is NCT followed by eight digits, e.g. NCT01234567.';
    END IF;
    tid := nct::@extschema@.trial_id;

    -- the parts of the record the import reads are objects: one that is
    -- not is a problem, not an empty part
    FOR mpath, g IN
        SELECT '$.' || p, record #> string_to_array(p, '.')
        FROM unnest(ARRAY['protocolSection.statusModule', 'protocolSection.statusModule.startDateStruct',
                          'protocolSection.designModule', 'protocolSection.designModule.enrollmentInfo',
                          'protocolSection.conditionsModule', 'protocolSection.armsInterventionsModule',
                          'resultsSection', 'resultsSection.outcomeMeasuresModule',
                          'resultsSection.adverseEventsModule']) AS p
    LOOP
        IF g IS NOT NULL AND jsonb_typeof(g) <> 'object' THEN
            probs := probs || jsonb_build_object('path', mpath, 'reason', 'not an object; not loaded', 'raw', g);
        END IF;
    END LOOP;

    -- ---- the trial ----
    FOR mpath, g IN
        SELECT '$.protocolSection.identificationModule.' || f, ps -> 'identificationModule' -> f
        FROM unnest(ARRAY['briefTitle', 'officialTitle']) AS f
    LOOP
        IF g IS NOT NULL AND jsonb_typeof(g) <> 'string' THEN
            probs := probs || jsonb_build_object('path', mpath, 'reason', 'a title that is not a text; not loaded', 'raw', g);
        END IF;
    END LOOP;
    v_title := CASE WHEN jsonb_typeof(ps #> '{identificationModule,briefTitle}') = 'string'
                    THEN nullif(btrim(ps #>> '{identificationModule,briefTitle}'), '') END;
    v_official := CASE WHEN jsonb_typeof(ps #> '{identificationModule,officialTitle}') = 'string'
                       THEN nullif(btrim(ps #>> '{identificationModule,officialTitle}'), '') END;
    IF jsonb_typeof(ps #> '{conditionsModule,conditions}') = 'array' THEN
        FOR g, gi IN SELECT * FROM jsonb_array_elements(ps #> '{conditionsModule,conditions}') WITH ORDINALITY LOOP
            IF jsonb_typeof(g) = 'string' AND btrim(g #>> '{}') <> '' THEN
                v_conditions := v_conditions || btrim(g #>> '{}');
            ELSE
                probs := probs || jsonb_build_object('path', format('$.protocolSection.conditionsModule.conditions[%s]', gi - 1),
                    'reason', 'a condition that is not a text; not loaded', 'raw', g);
            END IF;
        END LOOP;
    ELSIF ps #> '{conditionsModule,conditions}' IS NOT NULL THEN
        probs := probs || jsonb_build_object('path', '$.protocolSection.conditionsModule.conditions',
            'reason', 'conditions are not a list; not loaded', 'raw', ps #> '{conditionsModule,conditions}');
    END IF;
    v_category := @extschema@.condition_category(v_conditions || v_title);
    v_all_categories := ARRAY(SELECT DISTINCT x FROM unnest(v_conditions) AS c,
                              unnest(@extschema@.condition_categories(c)) AS x ORDER BY x);
    IF cardinality(v_all_categories) > 1 THEN
        probs := probs || jsonb_build_object('path', '$.protocolSection.conditionsModule.conditions',
            'reason', format('the conditions name several categories (%s); stored as %s',
                             array_to_string(v_all_categories, ', '), v_category),
            'raw', ps #> '{conditionsModule,conditions}');
    END IF;

    IF jsonb_typeof(ps #> '{designModule,phases}') = 'array' THEN
        FOR g, gi IN SELECT * FROM jsonb_array_elements(ps #> '{designModule,phases}') WITH ORDINALITY LOOP
            IF lower(g #>> '{}') IN ('na', 'early_phase1', 'phase1', 'phase2', 'phase3', 'phase4') THEN
                v_phases := v_phases || lower(g #>> '{}');
            ELSE
                probs := probs || jsonb_build_object('path', format('$.protocolSection.designModule.phases[%s]', gi - 1),
                    'reason', 'not a phase (NA, EARLY_PHASE1, PHASE1 ... PHASE4); not loaded', 'raw', g);
            END IF;
        END LOOP;
    END IF;
    v_study_type := lower(ps #>> '{designModule,studyType}');
    IF v_study_type NOT IN ('interventional', 'observational', 'expanded_access') THEN
        probs := probs || jsonb_build_object('path', '$.protocolSection.designModule.studyType',
            'reason', 'not a study type (INTERVENTIONAL, OBSERVATIONAL, EXPANDED_ACCESS); not loaded',
            'raw', ps #> '{designModule,studyType}');
        v_study_type := NULL;
    END IF;
    v_status := lower(ps #>> '{statusModule,overallStatus}');
    IF v_status NOT IN ('active_not_recruiting', 'completed', 'enrolling_by_invitation', 'not_yet_recruiting',
                        'recruiting', 'suspended', 'terminated', 'withdrawn', 'available', 'no_longer_available',
                        'temporarily_not_available', 'approved_for_marketing', 'withheld', 'unknown') THEN
        probs := probs || jsonb_build_object('path', '$.protocolSection.statusModule.overallStatus',
            'reason', 'not a recruitment status of ClinicalTrials.gov; not loaded', 'raw', ps #> '{statusModule,overallStatus}');
        v_status := NULL;
    END IF;
    IF ps #> '{designModule,enrollmentInfo,count}' IS NOT NULL THEN
        v_enrollment := @extschema@.ctgov_integer(ps #> '{designModule,enrollmentInfo,count}');
        IF v_enrollment IS NULL THEN
            probs := probs || jsonb_build_object('path', '$.protocolSection.designModule.enrollmentInfo.count',
                'reason', 'enrollment is not a count; not loaded', 'raw', ps #> '{designModule,enrollmentInfo,count}');
        END IF;
    END IF;
    v_start := ps #>> '{statusModule,startDateStruct,date}';
    IF v_start !~ '^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$' THEN
        probs := probs || jsonb_build_object('path', '$.protocolSection.statusModule.startDateStruct.date',
            'reason', 'start date is not YYYY, YYYY-MM or YYYY-MM-DD; not loaded', 'raw', ps #> '{statusModule,startDateStruct,date}');
        v_start := NULL;
    END IF;
    IF jsonb_typeof(record -> 'hasResults') = 'boolean' THEN
        v_has_results := (record ->> 'hasResults')::boolean;
    ELSIF record ? 'hasResults' THEN
        probs := probs || jsonb_build_object('path', '$.hasResults', 'reason', 'hasResults is not true or false; not loaded',
            'raw', record -> 'hasResults');
    END IF;

    INSERT INTO @extschema@.trial AS t (trial_id, title, official_title, conditions, condition_category, phases,
                                        study_type, overall_status, enrollment, start_date, has_results,
                                        origin, ctgov_record, imported_at)
    VALUES (tid, v_title, v_official, v_conditions, v_category, v_phases, v_study_type, v_status, v_enrollment,
            v_start, v_has_results, 'ctgov', record, now())
    ON CONFLICT (trial_id) DO UPDATE SET
        title = EXCLUDED.title, official_title = EXCLUDED.official_title, conditions = EXCLUDED.conditions,
        condition_category = EXCLUDED.condition_category, phases = EXCLUDED.phases,
        study_type = EXCLUDED.study_type, overall_status = EXCLUDED.overall_status,
        enrollment = EXCLUDED.enrollment, start_date = EXCLUDED.start_date, has_results = EXCLUDED.has_results,
        origin = EXCLUDED.origin, ctgov_record = EXCLUDED.ctgov_record, imported_at = EXCLUDED.imported_at;

    -- lists the rest of the import walks through: one that is not a list is
    -- a problem, not an empty list
    FOR mpath, g IN
        SELECT '$.' || p, record #> string_to_array(p, '.')
        FROM unnest(ARRAY['protocolSection.designModule.phases',
                          'protocolSection.armsInterventionsModule.armGroups',
                          'protocolSection.armsInterventionsModule.interventions',
                          'resultsSection.outcomeMeasuresModule.outcomeMeasures',
                          'resultsSection.adverseEventsModule.eventGroups',
                          'resultsSection.adverseEventsModule.seriousEvents',
                          'resultsSection.adverseEventsModule.otherEvents']) AS p
    LOOP
        IF g IS NOT NULL AND jsonb_typeof(g) <> 'array' THEN
            probs := probs || jsonb_build_object('path', mpath, 'reason', 'not a list; not loaded', 'raw', g);
        END IF;
    END LOOP;

    -- a re-import replaces what the last one loaded
    DELETE FROM @extschema@.import_problem WHERE trial_id = tid;
    DELETE FROM @extschema@.outcome o USING @extschema@.arm a WHERE o.arm_id = a.arm_id AND a.trial_id = tid;
    DELETE FROM @extschema@.adverse_event e USING @extschema@.arm a WHERE e.arm_id = a.arm_id AND a.trial_id = tid;

    -- ---- arms, their interventions classified ----
    ivs := CASE WHEN jsonb_typeof(ps #> '{armsInterventionsModule,interventions}') = 'array'
                THEN ps #> '{armsInterventionsModule,interventions}' ELSE '[]' END;
    FOR ag, ai IN SELECT * FROM jsonb_array_elements(
            CASE WHEN jsonb_typeof(ps #> '{armsInterventionsModule,armGroups}') = 'array'
                 THEN ps #> '{armsInterventionsModule,armGroups}' ELSE '[]' END) WITH ORDINALITY
    LOOP
        apath := format('$.protocolSection.armsInterventionsModule.armGroups[%s]', ai - 1);
        v_label := CASE WHEN jsonb_typeof(ag -> 'label') = 'string' THEN nullif(btrim(ag ->> 'label'), '') END;
        IF v_label IS NULL THEN
            probs := probs || jsonb_build_object('path', apath, 'reason', 'arm group without a label; not loaded', 'raw', ag);
            CONTINUE;
        END IF;
        -- ClinicalTrials.gov allows 100 characters; a label must fit the arm's unique index
        IF char_length(v_label) > 300 THEN
            probs := probs || jsonb_build_object('path', apath || '.label',
                'reason', format('arm label of %s characters, longer than the 300 an arm label may have; not loaded',
                                 char_length(v_label)),
                'raw', ag -> 'label');
            CONTINUE;
        END IF;
        IF v_label = ANY (arm_labels) THEN
            probs := probs || jsonb_build_object('path', apath || '.label',
                'reason', format('arm label "%s" is used twice; the second arm is not loaded', v_label), 'raw', ag);
            CONTINUE;
        END IF;
        v_type := lower(ag ->> 'type');
        IF v_type NOT IN ('experimental', 'active_comparator', 'placebo_comparator', 'sham_comparator',
                          'no_intervention', 'other') THEN
            probs := probs || jsonb_build_object('path', apath || '.type',
                'reason', 'not an arm type of ClinicalTrials.gov; loaded without one', 'raw', ag -> 'type');
            v_type := NULL;
        END IF;
        v_descr := CASE WHEN jsonb_typeof(ag -> 'description') = 'string' THEN nullif(btrim(ag ->> 'description'), '') END;
        IF ag ? 'description' AND jsonb_typeof(ag -> 'description') <> 'string' THEN
            probs := probs || jsonb_build_object('path', apath || '.description',
                'reason', 'an arm description that is not a text; not loaded', 'raw', ag -> 'description');
        END IF;
        v_ivnames := '{}';
        texts := ARRAY[v_label, v_descr];
        FOR iv IN SELECT * FROM jsonb_array_elements(ivs) LOOP
            CONTINUE WHEN jsonb_typeof(iv) <> 'object';
            IF (jsonb_typeof(iv -> 'armGroupLabels') = 'array' AND (iv -> 'armGroupLabels') ? v_label)
               OR (jsonb_typeof(ag -> 'interventionNames') = 'array'
                   AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(ag -> 'interventionNames') AS x
                               WHERE lower(btrim(regexp_replace(x, '^[^:]*:', ''))) = lower(btrim(iv ->> 'name'))))
            THEN
                v_ivnames := v_ivnames || format('%s: %s',
                    coalesce(initcap(replace(lower(iv ->> 'type'), '_', ' ')), 'Other'), btrim(iv ->> 'name'));
                texts := texts || (iv ->> 'name') || (iv ->> 'description')
                         || CASE WHEN jsonb_typeof(iv -> 'otherNames') = 'array'
                                 THEN ARRAY(SELECT jsonb_array_elements_text(iv -> 'otherNames')) ELSE '{}'::text[] END;
            END IF;
        END LOOP;
        IF cardinality(v_ivnames) = 0 AND jsonb_typeof(ag -> 'interventionNames') = 'array' THEN
            v_ivnames := ARRAY(SELECT jsonb_array_elements_text(ag -> 'interventionNames'));
            texts := texts || v_ivnames;
        END IF;
        full_text := array_to_string(texts, '. ');

        v_is_msc := coalesce(v_type, '') NOT IN ('placebo_comparator', 'sham_comparator', 'no_intervention')
                    AND @extschema@.msc_mentioned(full_text);
        v_source := NULL; v_route := NULL; v_donor := NULL; v_manip := NULL; v_dose := NULL;
        BEGIN
            v_routes := @extschema@.msc_routes_in(full_text);
            IF v_is_msc THEN
                v_sources := @extschema@.msc_sources_in(full_text);
                v_donor := @extschema@.msc_donor_in(full_text);
                v_manip := @extschema@.msc_manipulation_in(full_text);
                v_dose := @extschema@.cell_dose_in(full_text);
            ELSE
                v_sources := '{}';
            END IF;
        EXCEPTION WHEN data_exception THEN
            GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT;
            probs := probs || jsonb_build_object('path', apath,
                'reason', format('the arm''s text could not be classified (%s); loaded without source, donor, manipulation, route and dose', msg),
                'raw', to_jsonb(full_text));
            v_routes := '{}'; v_sources := '{}'; v_donor := NULL; v_manip := NULL; v_dose := NULL;
        END;
        IF cardinality(v_sources) = 1 THEN
            v_source := v_sources[1];
        ELSIF cardinality(v_sources) > 1 THEN
            probs := probs || jsonb_build_object('path', apath,
                'reason', format('the arm names several cell sources (%s); loaded without a source', array_to_string(v_sources, ', ')),
                'raw', to_jsonb(full_text));
        END IF;
        IF cardinality(v_routes) = 1 THEN
            v_route := v_routes[1];
        ELSIF cardinality(v_routes) > 1 THEN
            probs := probs || jsonb_build_object('path', apath,
                'reason', format('the arm names several routes (%s); loaded without a route', array_to_string(v_routes, ', ')),
                'raw', to_jsonb(full_text));
        END IF;
        v_co := @extschema@.co_interventions_in(full_text);

        INSERT INTO @extschema@.arm AS a (trial_id, label, arm_type, description, interventions, is_msc, source, donor,
                                          manipulation, route, dose, co_interventions)
        VALUES (tid, v_label, v_type, v_descr, v_ivnames, v_is_msc, v_source, v_donor, v_manip, v_route, v_dose, v_co)
        ON CONFLICT (trial_id, label) DO UPDATE SET
            arm_type = EXCLUDED.arm_type, description = EXCLUDED.description, interventions = EXCLUDED.interventions,
            is_msc = EXCLUDED.is_msc, source = EXCLUDED.source, donor = EXCLUDED.donor,
            manipulation = EXCLUDED.manipulation, route = EXCLUDED.route, dose = EXCLUDED.dose,
            co_interventions = EXCLUDED.co_interventions,
            sae_affected = NULL, sae_at_risk = NULL, deaths = NULL, deaths_at_risk = NULL
        RETURNING a.arm_id INTO v_arm_id;
        arm_labels := arm_labels || v_label;
        arm_ids := arm_ids || v_arm_id;
    END LOOP;

    -- arms no longer in the record go, unless participants were entered in them
    FOR v_label IN
        SELECT a.label FROM @extschema@.arm a
        WHERE a.trial_id = tid AND a.arm_id <> ALL (arm_ids)
          AND EXISTS (SELECT 1 FROM @extschema@.participant p WHERE p.arm_id = a.arm_id)
        ORDER BY a.label
    LOOP
        probs := probs || jsonb_build_object('path', '$.protocolSection.armsInterventionsModule.armGroups',
            'reason', format('arm "%s" is no longer in the record but has participants; kept', v_label),
            'raw', to_jsonb(v_label));
    END LOOP;
    DELETE FROM @extschema@.arm a
    WHERE a.trial_id = tid AND a.arm_id <> ALL (arm_ids)
      AND NOT EXISTS (SELECT 1 FROM @extschema@.participant p WHERE p.arm_id = a.arm_id);

    -- ---- outcome measures on a known pain or function instrument ----
    FOR om, oi IN SELECT * FROM jsonb_array_elements(
            CASE WHEN jsonb_typeof(record #> '{resultsSection,outcomeMeasuresModule,outcomeMeasures}') = 'array'
                 THEN record #> '{resultsSection,outcomeMeasuresModule,outcomeMeasures}' ELSE '[]' END) WITH ORDINALITY
    LOOP
        mpath := format('$.resultsSection.outcomeMeasuresModule.outcomeMeasures[%s]', oi - 1);
        IF jsonb_typeof(om) <> 'object' THEN
            probs := probs || jsonb_build_object('path', mpath, 'reason', 'an outcome measure that is not an object; not loaded',
                                                 'raw', om);
            CONTINUE;
        END IF;
        im := @extschema@.pain_instrument_match(om ->> 'title', om ->> 'unitOfMeasure');
        IF im.instrument IS NULL THEN
            IF im.reason IS NOT NULL THEN
                probs := probs || jsonb_build_object('path', mpath || '.title', 'reason', im.reason || '; not loaded',
                                                     'raw', om -> 'title');
            END IF;
            CONTINUE;
        END IF;

        dt := upper(btrim(regexp_replace(coalesce(om ->> 'paramType', ''), '[^A-Za-z0-9]+', '_', 'g'), '_'));
        v_stat := CASE dt WHEN 'MEAN' THEN 'mean' WHEN 'LEAST_SQUARES_MEAN' THEN 'least_squares_mean' END;
        IF v_stat IS NULL THEN
            probs := probs || jsonb_build_object('path', mpath || '.paramType',
                'reason', CASE WHEN om ? 'paramType'
                               THEN format('%s reported as %s, not as a mean; not loaded', im.instrument, om ->> 'paramType')
                               ELSE format('%s results without a parameter type (MEAN ...); not loaded', im.instrument) END,
                'raw', om -> 'paramType');
            CONTINUE;
        END IF;

        IF (om ->> 'title') ~* '(percent(age)?|%) (change|reduction|improvement|decrease)' THEN
            probs := probs || jsonb_build_object('path', mpath || '.title',
                'reason', 'a percent change is not on the instrument''s scale; not loaded', 'raw', om -> 'title');
            CONTINUE;
        ELSIF (om ->> 'title') ~* '\mchanges?\M' THEN
            v_kind := 'change';
        ELSIF (om ->> 'title') ~* '\m(reduction|improvement|decrease|increase|difference)\M' THEN
            probs := probs || jsonb_build_object('path', mpath || '.title',
                'reason', 'a change given as a reduction, improvement or difference: its sign is unclear; not loaded',
                'raw', om -> 'title');
            CONTINUE;
        ELSE
            v_kind := 'value';
        END IF;

        sc := @extschema@.pain_scale_of(im.instrument, om ->> 'title', om ->> 'unitOfMeasure', om ->> 'description');
        IF sc.problem IS NOT NULL THEN
            probs := probs || jsonb_build_object('path', mpath, 'reason', sc.problem || '; not loaded',
                'raw', jsonb_strip_nulls(jsonb_build_object('title', om -> 'title', 'unitOfMeasure', om -> 'unitOfMeasure',
                                                            'description', om -> 'description')));
            CONTINUE;
        END IF;

        dt := upper(btrim(regexp_replace(coalesce(om ->> 'dispersionType', ''), '[^A-Za-z0-9]+', '_', 'g'), '_'));
        disp := NULL; v_level := NULL; v_sd_source := NULL;
        IF dt = 'STANDARD_DEVIATION' THEN
            disp := 'sd'; v_sd_source := 'reported';
        ELSIF dt IN ('STANDARD_ERROR', 'STANDARD_ERROR_OF_MEAN', 'STANDARD_ERROR_OF_THE_MEAN') THEN
            disp := 'se'; v_sd_source := 'se';
        ELSIF dt ~ '^(CONFIDENCE_(80|90|95|975|99)|(80|90|95|97_5|99)_CONFIDENCE_INTERVAL)$' THEN
            disp := 'ci';
            lvl := replace(substring(dt FROM '([0-9]+(_5)?)'), '_', '');
            v_level := CASE lvl WHEN '975' THEN 0.975 ELSE lvl::double precision / 100 END;
            v_sd_source := 'ci' || CASE lvl WHEN '975' THEN '97.5' ELSE lvl END;
        ELSE
            probs := probs || jsonb_build_object('path', mpath || '.dispersionType',
                'reason', format('the spread is %s: no standard deviation can be derived from it; loaded without one',
                                 coalesce(om ->> 'dispersionType', 'not given')),
                'raw', om -> 'dispersionType');
        END IF;

        gmap := '{}';
        IF jsonb_typeof(om -> 'groups') = 'array' THEN
            FOR g IN SELECT * FROM jsonb_array_elements(om -> 'groups') LOOP
                gi := @extschema@.results_group_arm(g ->> 'title', arm_labels);
                gmap := gmap || jsonb_build_object(coalesce(g ->> 'id', ''),
                                                   jsonb_build_object('arm', arm_ids[gi], 'title', g ->> 'title'));
            END LOOP;
        END IF;

        n_classes := CASE WHEN jsonb_typeof(om -> 'classes') = 'array' THEN jsonb_array_length(om -> 'classes') ELSE 0 END;
        FOR cls, ci IN SELECT * FROM jsonb_array_elements(
                CASE WHEN jsonb_typeof(om -> 'classes') = 'array' THEN om -> 'classes' ELSE '[]' END) WITH ORDINALITY
        LOOP
            cpath := mpath || format('.classes[%s]', ci - 1);
            denoms := CASE WHEN jsonb_typeof(cls -> 'denoms') = 'array' THEN cls -> 'denoms'
                           WHEN jsonb_typeof(om -> 'denoms') = 'array' THEN om -> 'denoms' ELSE '[]' END;
            n_cats := CASE WHEN jsonb_typeof(cls -> 'categories') = 'array' THEN jsonb_array_length(cls -> 'categories') ELSE 0 END;
            FOR cat, ki IN SELECT * FROM jsonb_array_elements(
                    CASE WHEN jsonb_typeof(cls -> 'categories') = 'array' THEN cls -> 'categories' ELSE '[]' END) WITH ORDINALITY
            LOOP
                kpath := cpath || format('.categories[%s]', ki - 1);
                tp := @extschema@.ctgov_timepoint(cls ->> 'title', n_classes, cat ->> 'title', n_cats, om ->> 'timeFrame', v_kind);
                IF tp.problem IS NOT NULL THEN
                    probs := probs || jsonb_build_object('path', kpath, 'reason', tp.problem || '; not loaded',
                        'raw', jsonb_strip_nulls(jsonb_build_object('class', cls -> 'title', 'category', cat -> 'title',
                                                                    'timeFrame', om -> 'timeFrame')));
                    CONTINUE;
                END IF;
                FOR meas, mi IN SELECT * FROM jsonb_array_elements(
                        CASE WHEN jsonb_typeof(cat -> 'measurements') = 'array' THEN cat -> 'measurements' ELSE '[]' END) WITH ORDINALITY
                LOOP
                    path := kpath || format('.measurements[%s]', mi - 1);
                    gid := meas ->> 'groupId';
                    v_arm_id := (gmap #>> ARRAY[coalesce(gid, ''), 'arm'])::bigint;
                    IF v_arm_id IS NULL THEN
                        probs := probs || jsonb_build_object('path', path,
                            'reason', format('results group %s "%s" matches no arm of the protocol (%s); not loaded',
                                             coalesce(gid, '(none)'), coalesce(gmap #>> ARRAY[coalesce(gid, ''), 'title'], ''),
                                             array_to_string(arm_labels, '; ')),
                            'raw', meas);
                        CONTINUE;
                    END IF;
                    SELECT @extschema@.ctgov_integer(c -> 'value') INTO v_n
                    FROM jsonb_array_elements(denoms) AS d, jsonb_array_elements(
                             CASE WHEN jsonb_typeof(d -> 'counts') = 'array' THEN d -> 'counts' ELSE '[]' END) AS c
                    WHERE d ->> 'units' ~* '^\s*participants?\s*$' AND c ->> 'groupId' = gid
                    LIMIT 1;
                    IF v_n IS NULL OR v_n = 0 THEN
                        probs := probs || jsonb_build_object('path', path,
                            'reason', format('no number of participants analysed for group %s; not loaded', gid), 'raw', meas);
                        CONTINUE;
                    END IF;
                    v_mean := @extschema@.ctgov_number(meas ->> 'value');
                    IF v_mean IS NULL THEN
                        probs := probs || jsonb_build_object('path', path || '.value',
                            'reason', format('value "%s" is not a number; not loaded', coalesce(meas ->> 'value', '')),
                            'raw', meas);
                        CONTINUE;
                    END IF;
                    v_sd := NULL;
                    IF disp IN ('sd', 'se') THEN
                        v_spread := @extschema@.ctgov_number(meas ->> 'spread');
                        IF v_spread IS NULL OR v_spread < 0 THEN
                            probs := probs || jsonb_build_object('path', path || '.spread',
                                'reason', format('spread "%s" is not a number >= 0; loaded without a standard deviation',
                                                 coalesce(meas ->> 'spread', '')),
                                'raw', meas);
                        ELSIF disp = 'sd' THEN
                            v_sd := v_spread * sc.factor;
                        ELSE
                            v_sd := trim_scale(@extschema@.sd_from_se((v_spread * sc.factor)::double precision, v_n)::numeric);
                        END IF;
                    ELSIF disp = 'ci' THEN
                        lo := @extschema@.ctgov_number(meas ->> 'lowerLimit');
                        hi := @extschema@.ctgov_number(meas ->> 'upperLimit');
                        IF lo IS NULL OR hi IS NULL OR lo > hi THEN
                            probs := probs || jsonb_build_object('path', path,
                                'reason', format('confidence limits "%s" and "%s" are not an interval; loaded without a standard deviation',
                                                 coalesce(meas ->> 'lowerLimit', ''), coalesce(meas ->> 'upperLimit', '')),
                                'raw', meas);
                        ELSIF v_n < 2 THEN
                            probs := probs || jsonb_build_object('path', path,
                                'reason', 'a confidence interval of one participant gives no standard deviation; loaded without one',
                                'raw', meas);
                        ELSE
                            v_sd := trim_scale(@extschema@.sd_from_ci((lo * sc.factor)::double precision,
                                                                      (hi * sc.factor)::double precision, v_n, v_level)::numeric);
                        END IF;
                    END IF;
                    v_mean := v_mean * sc.factor;
                    rng := @extschema@.pain_instrument_range(sc.instrument_used);
                    IF (v_kind = 'value' AND NOT rng @> v_mean)
                       OR (v_kind = 'change' AND abs(v_mean) > upper(rng) - lower(rng)) THEN
                        probs := probs || jsonb_build_object('path', path || '.value',
                            'reason', format('%s %s is outside the range of %s (%s to %s)%s; not loaded',
                                             CASE v_kind WHEN 'value' THEN 'mean' ELSE 'mean change' END, v_mean,
                                             sc.instrument_used, lower(rng), upper(rng),
                                             CASE WHEN sc.factor <> 1 THEN format(' after %s', sc.conversion) ELSE '' END),
                            'raw', meas);
                        CONTINUE;
                    END IF;
                    INSERT INTO @extschema@.outcome (arm_id, instrument, week, kind, statistic, n, mean, sd, sd_source,
                                                     conversion, measure, time_frame, json_path)
                    VALUES (v_arm_id, sc.instrument_used, tp.week, v_kind, v_stat, v_n, v_mean, v_sd,
                            CASE WHEN v_sd IS NOT NULL THEN v_sd_source END, sc.conversion,
                            om ->> 'title', om ->> 'timeFrame', path)
                    ON CONFLICT DO NOTHING;
                    GET DIAGNOSTICS cnt = ROW_COUNT;
                    IF cnt = 0 THEN
                        probs := probs || jsonb_build_object('path', path,
                            'reason', format('arm "%s" already has a %s %s at week %s from an earlier outcome measure; not loaded',
                                             arm_labels[array_position(arm_ids, v_arm_id)], sc.instrument_used, v_kind, tp.week),
                            'raw', meas);
                    END IF;
                END LOOP;
            END LOOP;
        END LOOP;
    END LOOP;

    -- ---- adverse events ----
    aem := record #> '{resultsSection,adverseEventsModule}';
    FOR g, gi IN SELECT * FROM jsonb_array_elements(
            CASE WHEN jsonb_typeof(aem -> 'eventGroups') = 'array' THEN aem -> 'eventGroups' ELSE '[]' END) WITH ORDINALITY
    LOOP
        apath := format('$.resultsSection.adverseEventsModule.eventGroups[%s]', gi - 1);
        ai := @extschema@.results_group_arm(g ->> 'title', arm_labels);
        IF ai IS NULL OR arm_ids[ai] IN (SELECT x::bigint FROM jsonb_each_text(emap) AS e(k, x)) THEN
            unmatched := unmatched || coalesce(g ->> 'id', '');
            SELECT count(*) INTO cnt
            FROM (SELECT e FROM jsonb_array_elements(CASE WHEN jsonb_typeof(aem -> 'seriousEvents') = 'array'
                                                          THEN aem -> 'seriousEvents' ELSE '[]' END) AS e
                  UNION ALL
                  SELECT e FROM jsonb_array_elements(CASE WHEN jsonb_typeof(aem -> 'otherEvents') = 'array'
                                                          THEN aem -> 'otherEvents' ELSE '[]' END) AS e) AS evs,
                 jsonb_array_elements(CASE WHEN jsonb_typeof(evs.e -> 'stats') = 'array' THEN evs.e -> 'stats' ELSE '[]' END) AS s
            WHERE s ->> 'groupId' = g ->> 'id';
            probs := probs || jsonb_build_object('path', apath,
                'reason', format('adverse-event group %s "%s" %s; not loaded: its totals and its %s event count(s)',
                                 coalesce(g ->> 'id', '(none)'), coalesce(g ->> 'title', ''),
                                 CASE WHEN ai IS NULL
                                      THEN format('matches no arm of the protocol (%s)', array_to_string(arm_labels, '; '))
                                      ELSE format('stands for arm "%s" like an earlier group', arm_labels[ai]) END,
                                 cnt),
                'raw', g);
            CONTINUE;
        END IF;
        emap := emap || jsonb_build_object(g ->> 'id', arm_ids[ai]);
        sa := @extschema@.ctgov_integer(g -> 'seriousNumAffected');
        sr := @extschema@.ctgov_integer(g -> 'seriousNumAtRisk');
        da := @extschema@.ctgov_integer(g -> 'deathsNumAffected');
        dr := @extschema@.ctgov_integer(g -> 'deathsNumAtRisk');
        IF (g ? 'seriousNumAffected' AND sa IS NULL) OR (g ? 'seriousNumAtRisk' AND sr IS NULL) OR sa > sr THEN
            probs := probs || jsonb_build_object('path', apath,
                'reason', 'serious adverse events affected and at risk are not two counts with affected <= at risk; not loaded',
                'raw', jsonb_build_object('seriousNumAffected', g -> 'seriousNumAffected', 'seriousNumAtRisk', g -> 'seriousNumAtRisk'));
            sa := NULL; sr := NULL;
        END IF;
        IF (g ? 'deathsNumAffected' AND da IS NULL) OR (g ? 'deathsNumAtRisk' AND dr IS NULL) OR da > dr THEN
            probs := probs || jsonb_build_object('path', apath,
                'reason', 'deaths and at risk are not two counts with deaths <= at risk; not loaded',
                'raw', jsonb_build_object('deathsNumAffected', g -> 'deathsNumAffected', 'deathsNumAtRisk', g -> 'deathsNumAtRisk'));
            da := NULL; dr := NULL;
        END IF;
        UPDATE @extschema@.arm SET sae_affected = sa, sae_at_risk = sr, deaths = da, deaths_at_risk = dr
        WHERE arm_id = arm_ids[ai];
    END LOOP;

    FOR lst IN SELECT * FROM (VALUES ('seriousEvents', true), ('otherEvents', false)) AS l(name, serious) LOOP
        FOR ev, ei IN SELECT * FROM jsonb_array_elements(
                CASE WHEN jsonb_typeof(aem -> lst.name) = 'array' THEN aem -> lst.name ELSE '[]' END) WITH ORDINALITY
        LOOP
            epath := format('$.resultsSection.adverseEventsModule.%s[%s]', lst.name, ei - 1);
            v_term := CASE WHEN jsonb_typeof(ev -> 'term') = 'string' THEN nullif(btrim(ev ->> 'term'), '') END;
            IF v_term IS NULL THEN
                probs := probs || jsonb_build_object('path', epath, 'reason', 'adverse event without a term; not loaded', 'raw', ev);
                CONTINUE;
            END IF;
            -- ClinicalTrials.gov allows 100 characters; term and organ system must fit the unique index
            IF char_length(v_term) > 300 THEN
                probs := probs || jsonb_build_object('path', epath || '.term',
                    'reason', format('adverse event term of %s characters, longer than the 300 a term may have; not loaded',
                                     char_length(v_term)),
                    'raw', ev -> 'term');
                CONTINUE;
            END IF;
            v_organ := CASE WHEN jsonb_typeof(ev -> 'organSystem') = 'string' THEN nullif(btrim(ev ->> 'organSystem'), '') END;
            IF ev ? 'organSystem' AND jsonb_typeof(ev -> 'organSystem') <> 'string' THEN
                probs := probs || jsonb_build_object('path', epath || '.organSystem',
                    'reason', format('"%s": an organ system that is not a text; loaded without one', v_term),
                    'raw', ev -> 'organSystem');
            ELSIF char_length(v_organ) > 300 THEN
                probs := probs || jsonb_build_object('path', epath || '.organSystem',
                    'reason', format('"%s": organ system of %s characters, longer than the 300 it may have; loaded without one',
                                     v_term, char_length(v_organ)),
                    'raw', ev -> 'organSystem');
                v_organ := NULL;
            END IF;
            FOR st, si IN SELECT * FROM jsonb_array_elements(
                    CASE WHEN jsonb_typeof(ev -> 'stats') = 'array' THEN ev -> 'stats' ELSE '[]' END) WITH ORDINALITY
            LOOP
                spath := epath || format('.stats[%s]', si - 1);
                gid := st ->> 'groupId';
                IF NOT emap ? coalesce(gid, '') THEN
                    IF NOT coalesce(gid, '') = ANY (unmatched) THEN
                        probs := probs || jsonb_build_object('path', spath,
                            'reason', format('group %s is not an adverse-event group of the record; not loaded', coalesce(gid, '(none)')),
                            'raw', st);
                    END IF;
                    CONTINUE;
                END IF;
                v_aff := @extschema@.ctgov_integer(st -> 'numAffected');
                v_risk := @extschema@.ctgov_integer(st -> 'numAtRisk');
                v_events := @extschema@.ctgov_integer(st -> 'numEvents');
                IF v_aff IS NULL OR v_risk IS NULL OR v_aff > v_risk THEN
                    probs := probs || jsonb_build_object('path', spath,
                        'reason', format('"%s": affected %s and at risk %s are not two counts with affected <= at risk; not loaded',
                                         v_term, coalesce(st ->> 'numAffected', 'missing'), coalesce(st ->> 'numAtRisk', 'missing')),
                        'raw', st);
                    CONTINUE;
                END IF;
                IF st ? 'numEvents' AND (v_events IS NULL OR v_events < v_aff) THEN
                    probs := probs || jsonb_build_object('path', spath || '.numEvents',
                        'reason', format('"%s": %s events for %s participants affected; loaded without the number of events',
                                         v_term, coalesce(st ->> 'numEvents', ''), v_aff),
                        'raw', st);
                    v_events := NULL;
                END IF;
                INSERT INTO @extschema@.adverse_event (arm_id, term, organ_system, serious, n_affected, n_at_risk, n_events)
                VALUES ((emap ->> gid)::bigint, v_term, v_organ, lst.serious, v_aff, v_risk, v_events)
                ON CONFLICT DO NOTHING;
                GET DIAGNOSTICS cnt = ROW_COUNT;
                IF cnt = 0 THEN
                    probs := probs || jsonb_build_object('path', spath,
                        'reason', format('"%s" (%s) is listed twice for group %s; the second is not loaded',
                                         v_term, coalesce(v_organ, 'no organ system'), gid),
                        'raw', st);
                END IF;
            END LOOP;
        END LOOP;
    END LOOP;

    -- every reason written above says "not loaded" exactly when the value was dropped
    INSERT INTO @extschema@.import_problem (trial_id, json_path, reason, dropped, raw_value)
    SELECT tid, p ->> 'path', p ->> 'reason', (p ->> 'reason') ~ 'not loaded',
           CASE WHEN jsonb_typeof(p -> 'raw') = 'null' THEN NULL ELSE p -> 'raw' END
    FROM jsonb_array_elements(probs) WITH ORDINALITY AS x(p, o)
    ORDER BY o;

    RETURN tid;
END
$fn$;
COMMENT ON FUNCTION @extschema@.ctgov_import(jsonb) IS
    'loads one ClinicalTrials.gov API v2 study record: the trial, its arms (interventions classified), its outcome measures on a known pain or function instrument reported as means (SD derived from an SE or a confidence interval), and its adverse events; a re-import replaces what the last one loaded; what it cannot read becomes an import_problem row; returns the trial_id; a document that is not a study is an error (22023)';

-- ===================================================================
-- Reporting views
-- ===================================================================

CREATE VIEW @extschema@.arm_pain_summary WITH (security_invoker = true) AS
WITH scores AS (
    SELECT p.arm_id, s.participant_id, s.instrument, s.week, @extschema@.score(s.score) AS v
    FROM @extschema@.assessment s
    JOIN @extschema@.participant p ON p.participant_id = s.participant_id
), from_participants AS (
    SELECT arm_id, instrument, week, 'value'::text AS kind, count(*) AS n,
           avg(v)::double precision AS mean, stddev_samp(v)::double precision AS sd
    FROM scores
    GROUP BY arm_id, instrument, week
    UNION ALL
    SELECT f.arm_id, f.instrument, f.week, 'change'::text, count(*),
           avg(f.v - b.v)::double precision, stddev_samp(f.v - b.v)::double precision
    FROM scores f
    JOIN scores b ON b.participant_id = f.participant_id AND b.instrument = f.instrument AND b.week = 0
    WHERE f.week > 0
    GROUP BY f.arm_id, f.instrument, f.week
), summaries AS (
    SELECT o.arm_id, o.instrument, o.week, o.kind, o.n::bigint AS n, o.mean::double precision AS mean,
           o.sd::double precision AS sd, 'reported'::text AS origin, true AS preferred
    FROM @extschema@.outcome o
    UNION ALL
    SELECT p.arm_id, p.instrument, p.week, p.kind, p.n, p.mean, p.sd, 'participants'::text,
           NOT EXISTS (SELECT 1 FROM @extschema@.outcome o
                       WHERE o.arm_id = p.arm_id AND o.instrument = p.instrument
                         AND o.week = p.week AND o.kind = p.kind)
    FROM from_participants p
)
SELECT a.trial_id, s.arm_id, a.label AS arm, a.is_msc, a.source, a.route,
       s.instrument, s.week, s.kind, s.n, s.mean, s.sd, s.origin, s.preferred
FROM summaries s
JOIN @extschema@.arm a ON a.arm_id = s.arm_id;
COMMENT ON VIEW @extschema@.arm_pain_summary IS
    'n, mean and SD per arm, instrument, week and kind (value, or change from the week-0 score), from arm-level outcomes (origin reported) and from participants'' assessments (origin participants) alike; preferred marks the row the effect views use: the reported one when both exist; runs as the querying role, so the participants are those its sites hold (row-level security)';
COMMENT ON COLUMN @extschema@.arm_pain_summary.kind IS 'value (score at that week) or change (follow-up minus baseline)';
COMMENT ON COLUMN @extschema@.arm_pain_summary.origin IS 'reported (outcome table) or participants (computed from assessment)';
COMMENT ON COLUMN @extschema@.arm_pain_summary.preferred IS 'the row trial_effect and trial_stratum_effect use: reported rows, and participant rows where nothing is reported';

CREATE VIEW @extschema@.trial_effect WITH (security_invoker = true) AS
SELECT t.trial_id, t.condition_category AS condition,
       m.arm_id AS msc_arm_id, m.label AS msc_arm, c.arm_id AS control_arm_id, c.label AS control_arm,
       c.arm_type AS control_type,
       m.source, m.donor, m.manipulation, m.route, m.dose, m.co_interventions,
       sm.instrument, sm.week, sm.kind, i.higher_is_worse,
       sm.n AS n_msc, sm.mean AS mean_msc, sm.sd AS sd_msc,
       sc.n AS n_control, sc.mean AS mean_control, sc.sd AS sd_control,
       (e.smd).yi AS smd_yi, (e.smd).vi AS smd_vi, (e.md).yi AS md_yi, (e.md).vi AS md_vi
FROM @extschema@.arm_pain_summary sm
JOIN @extschema@.arm m ON m.arm_id = sm.arm_id AND m.is_msc
JOIN @extschema@.arm_pain_summary sc
  ON sc.trial_id = sm.trial_id AND sc.instrument = sm.instrument AND sc.week = sm.week
 AND sc.kind = sm.kind AND sc.preferred
JOIN @extschema@.arm c ON c.arm_id = sc.arm_id AND NOT c.is_msc
JOIN @extschema@.trial t ON t.trial_id = m.trial_id
JOIN @extschema@.pain_instruments() i ON i.name = sm.instrument
CROSS JOIN LATERAL (
    SELECT CASE WHEN sm.n + sc.n >= 4 AND (sm.sd > 0 OR sc.sd > 0)
                THEN @extschema@.smd(sm.n::integer, sm.mean, sm.sd, sc.n::integer, sc.mean, sc.sd) END AS smd,
           @extschema@.md(sm.n::integer, sm.mean, sm.sd, sc.n::integer, sc.mean, sc.sd) AS md
) e
WHERE sm.preferred;
COMMENT ON VIEW @extschema@.trial_effect IS
    'each MSC arm against each control (non-MSC) arm of its trial, per instrument, week and kind: both arms'' n, mean, SD, and the standardised (Hedges'' g) and raw mean differences MSC minus control with their variances, as metafor''s escalc(); higher_is_worse says which sign favours MSCs';
COMMENT ON COLUMN @extschema@.trial_effect.smd_yi IS 'Hedges'' g, MSC minus control (NULL without SDs, with a zero pooled SD, or with fewer than 4 participants)';
COMMENT ON COLUMN @extschema@.trial_effect.smd_vi IS 'sampling variance of smd_yi';
COMMENT ON COLUMN @extschema@.trial_effect.md_yi IS 'mean difference MSC minus control, in the instrument''s unit';
COMMENT ON COLUMN @extschema@.trial_effect.md_vi IS 'sampling variance of md_yi';
COMMENT ON COLUMN @extschema@.trial_effect.higher_is_worse IS 'true when a higher score is worse (pain), so a negative difference favours the MSC arm';

CREATE VIEW @extschema@.trial_stratum_effect WITH (security_invoker = true) AS
WITH s AS (
    SELECT s.trial_id, t.condition_category, s.arm, a.arm_type, s.source, s.route,
           s.instrument, s.week, s.kind, s.n, s.mean, s.sd,
           CASE WHEN a.is_msc THEN 0
                WHEN a.arm_type IN ('placebo_comparator', 'sham_comparator') THEN 1
                WHEN a.arm_type = 'no_intervention' THEN 2
                WHEN a.arm_type = 'active_comparator' THEN 3
                ELSE 4 END AS rank
    FROM @extschema@.arm_pain_summary s
    JOIN @extschema@.arm a ON a.arm_id = s.arm_id
    JOIN @extschema@.trial t ON t.trial_id = s.trial_id
    WHERE s.preferred
), msc AS (
    SELECT trial_id, condition_category, source, route, instrument, week, kind,
           array_agg(arm ORDER BY arm) AS arms, sum(n) AS n, sum(n * mean) / sum(n) AS mean,
           CASE WHEN bool_and(sd IS NOT NULL) AND sum(n) > 1
                THEN sqrt(greatest(0, (sum((n - 1) * sd ^ 2) + sum(n * mean ^ 2) - sum(n * mean) ^ 2 / sum(n))
                                      / (sum(n) - 1))) END AS sd
    FROM s WHERE rank = 0
    GROUP BY trial_id, condition_category, source, route, instrument, week, kind
), best AS (
    SELECT trial_id, instrument, week, kind, min(rank) AS rank
    FROM s WHERE rank > 0
    GROUP BY trial_id, instrument, week, kind
), ctl AS (
    SELECT s.trial_id, s.instrument, s.week, s.kind,
           array_agg(s.arm ORDER BY s.arm) AS arms,
           array_agg(DISTINCT coalesce(s.arm_type, 'unknown')) AS types,
           sum(s.n) AS n, sum(s.n * s.mean) / sum(s.n) AS mean,
           CASE WHEN bool_and(s.sd IS NOT NULL) AND sum(s.n) > 1
                THEN sqrt(greatest(0, (sum((s.n - 1) * s.sd ^ 2) + sum(s.n * s.mean ^ 2) - sum(s.n * s.mean) ^ 2 / sum(s.n))
                                      / (sum(s.n) - 1))) END AS sd
    FROM s JOIN best b ON b.trial_id = s.trial_id AND b.instrument = s.instrument AND b.week = s.week
                      AND b.kind = s.kind AND b.rank = s.rank
    GROUP BY s.trial_id, s.instrument, s.week, s.kind
)
SELECT m.trial_id, m.condition_category AS condition, m.source, m.route, m.instrument, m.week, m.kind,
       m.arms AS msc_arms, c.arms AS control_arms, c.types AS control_types,
       m.n AS n_msc, m.mean AS mean_msc, m.sd AS sd_msc, c.n AS n_control, c.mean AS mean_control, c.sd AS sd_control,
       (e.smd).yi AS smd_yi, (e.smd).vi AS smd_vi, (e.md).yi AS md_yi, (e.md).vi AS md_vi
FROM msc m
JOIN ctl c ON c.trial_id = m.trial_id AND c.instrument = m.instrument AND c.week = m.week AND c.kind = m.kind
CROSS JOIN LATERAL (
    SELECT CASE WHEN m.n + c.n >= 4 AND (m.sd > 0 OR c.sd > 0)
                THEN @extschema@.smd(m.n::integer, m.mean, m.sd, c.n::integer, c.mean, c.sd) END AS smd,
           @extschema@.md(m.n::integer, m.mean, m.sd, c.n::integer, c.mean, c.sd) AS md
) e;
COMMENT ON VIEW @extschema@.trial_stratum_effect IS
    'one comparison per trial and stratum (condition, source, route, instrument, week, kind), as pooled_effect pools them: the trial''s MSC arms of that source and route combined into one group, against its control arms of the closest kind (placebo or sham, else no intervention, else active comparator, else other) combined (Cochrane Handbook 6.5.2.10: pooled n, mean and SD), so no participant counts twice';

CREATE VIEW @extschema@.pooled_effect WITH (security_invoker = true) AS
SELECT g.condition, g.source, g.route, g.instrument, g.week, g.kind, g.trials, g.trial_ids,
       g.n_msc, g.n_control,
       (g.smd).k AS smd_k, (g.smd).estimate AS smd, (g.smd).se AS smd_se,
       (g.smd).ci_low AS smd_ci_low, (g.smd).ci_high AS smd_ci_high, (g.smd).pval AS smd_pval,
       (g.smd).tau2 AS smd_tau2, (g.smd).i2 AS smd_i2,
       (g.md).k AS md_k, (g.md).estimate AS md, (g.md).se AS md_se,
       (g.md).ci_low AS md_ci_low, (g.md).ci_high AS md_ci_high, (g.md).pval AS md_pval,
       (g.md).tau2 AS md_tau2, (g.md).i2 AS md_i2
FROM (
    SELECT condition, source, route, instrument, week, kind,
           count(*) AS trials, array_agg(trial_id ORDER BY trial_id) AS trial_ids,
           sum(n_msc) AS n_msc, sum(n_control) AS n_control,
           @extschema@.meta_analysis(CASE WHEN smd_vi > 0 THEN smd_yi END, CASE WHEN smd_vi > 0 THEN smd_vi END) AS smd,
           @extschema@.meta_analysis(CASE WHEN md_vi > 0 THEN md_yi END, CASE WHEN md_vi > 0 THEN md_vi END) AS md
    FROM @extschema@.trial_stratum_effect
    GROUP BY condition, source, route, instrument, week, kind
) g;
COMMENT ON VIEW @extschema@.pooled_effect IS
    'random-effects meta-analysis (meta_analysis: REML, z test, 95% CI) of trial_stratum_effect per condition x source x route x instrument x week x kind: Hedges'' g and the mean difference (MSC minus control), each with k, estimate, SE, CI, p, tau^2 and I^2';
COMMENT ON COLUMN @extschema@.pooled_effect.trials IS 'trials with a comparison in the stratum';
COMMENT ON COLUMN @extschema@.pooled_effect.smd_k IS 'trials pooled for the SMD (those with SDs)';
COMMENT ON COLUMN @extschema@.pooled_effect.smd IS 'pooled Hedges'' g, MSC minus control';
COMMENT ON COLUMN @extschema@.pooled_effect.md_k IS 'trials pooled for the mean difference (those with SDs)';
COMMENT ON COLUMN @extschema@.pooled_effect.md IS 'pooled mean difference, MSC minus control, in the instrument''s unit';

CREATE VIEW @extschema@.safety_by_route WITH (security_invoker = true) AS
WITH counts AS (
    SELECT a.route, a.is_msc, e.serious, min(e.term) AS term, min(e.organ_system) AS organ_system,
           count(DISTINCT a.trial_id) AS trials, count(DISTINCT a.arm_id) AS arms,
           sum(e.n_affected) AS affected, sum(e.n_at_risk) AS at_risk
    FROM @extschema@.adverse_event e
    JOIN @extschema@.arm a ON a.arm_id = e.arm_id
    GROUP BY a.route, a.is_msc, e.serious, lower(e.term), lower(e.organ_system)
)
SELECT route, is_msc, serious, term, organ_system, trials, arms, affected, at_risk,
       (w).p AS rate, (w).ci_low, (w).ci_high
FROM (SELECT c.*, CASE WHEN c.at_risk > 0 THEN @extschema@.wilson_ci(c.affected, c.at_risk) END AS w
      FROM counts c
      OFFSET 0) AS x      -- OFFSET 0: one wilson_ci() call per row, never with nobody at risk
WHERE at_risk > 0;
COMMENT ON VIEW @extschema@.safety_by_route IS
    'adverse-event rates by route of administration, MSC and control arms apart: per event term (and organ system) and seriousness, participants affected among those at risk summed over the arms, with the 95% Wilson score interval (wilson_ci); terms are matched ignoring case. A participant with several terms counts once in each: for "any serious adverse event" use safety_totals_by_route';
COMMENT ON COLUMN @extschema@.safety_by_route.route IS 'route of the arms (NULL: not stated, or several)';
COMMENT ON COLUMN @extschema@.safety_by_route.is_msc IS 'MSC arms (true) or control arms (false)';
COMMENT ON COLUMN @extschema@.safety_by_route.term IS 'event term as reported (the first spelling when trials differ in case)';
COMMENT ON COLUMN @extschema@.safety_by_route.affected IS 'participants with the event, summed over the arms';
COMMENT ON COLUMN @extschema@.safety_by_route.at_risk IS 'participants at risk, summed over the arms';
COMMENT ON COLUMN @extschema@.safety_by_route.rate IS 'affected / at_risk';
COMMENT ON COLUMN @extschema@.safety_by_route.ci_low IS 'lower end of the 95% Wilson score interval';
COMMENT ON COLUMN @extschema@.safety_by_route.ci_high IS 'upper end of the 95% Wilson score interval';

CREATE VIEW @extschema@.safety_totals_by_route WITH (security_invoker = true) AS
WITH totals AS (
    SELECT route, is_msc, count(DISTINCT trial_id) AS trials, count(*) AS arms,
           sum(sae_affected) AS sae_affected, sum(sae_at_risk) AS sae_at_risk,
           sum(deaths) AS deaths, sum(deaths_at_risk) AS deaths_at_risk
    FROM @extschema@.arm
    WHERE sae_at_risk > 0 OR deaths_at_risk > 0
    GROUP BY route, is_msc
)
SELECT route, is_msc, trials, arms,
       sae_affected, sae_at_risk, (s).p AS sae_rate, (s).ci_low AS sae_ci_low, (s).ci_high AS sae_ci_high,
       deaths, deaths_at_risk, (d).p AS death_rate, (d).ci_low AS death_ci_low, (d).ci_high AS death_ci_high
FROM (SELECT t.*,
             CASE WHEN t.sae_at_risk > 0 THEN @extschema@.wilson_ci(t.sae_affected, t.sae_at_risk) END AS s,
             CASE WHEN t.deaths_at_risk > 0 THEN @extschema@.wilson_ci(t.deaths, t.deaths_at_risk) END AS d
      FROM totals t
      OFFSET 0) AS x;     -- OFFSET 0: one wilson_ci() call per row and total
COMMENT ON VIEW @extschema@.safety_totals_by_route IS
    'participants with any serious adverse event and deaths from any cause, by route, MSC and control arms apart, from the arms'' overall counts (arm.sae_affected, arm.deaths ...; ClinicalTrials.gov event-group totals), so nobody counts twice; rates with 95% Wilson score intervals';
COMMENT ON COLUMN @extschema@.safety_totals_by_route.sae_rate IS 'participants with any serious adverse event / at risk';
COMMENT ON COLUMN @extschema@.safety_totals_by_route.death_rate IS 'deaths from any cause / at risk';

-- Registry, ClinicalTrials.gov import: ctgov_import() loads one API v2
-- study record into the tables of 81_registry_tables.sql.

-- ===================================================================
-- ClinicalTrials.gov import
-- ===================================================================

CREATE OR REPLACE FUNCTION @extschema@.ctgov_timepoint(class_title text, n_classes integer,
    category_title text, n_categories integer, time_frame text, kind text,
    OUT week numeric, OUT problem text)
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    --@schema_check (src/sql/schema_check.sql.in)
    -- (declared in an inner block: a variable of the extension's types is
    -- made, and its type looked up, only once the check above has passed)
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
    END;
END
$fn$;
COMMENT ON FUNCTION @extschema@.ctgov_timepoint(text, integer, text, integer, text, text) IS
    'the week of one class/category of ClinicalTrials.gov results: from a class or category title that names one timepoint ("Week 12", "Month 6"), else from the measure''s time frame when it names one (baseline not counted for a change); or the problem (several timepoints, subgroup titles, none)';

CREATE OR REPLACE FUNCTION @extschema@.ctgov_import_trial(record jsonb, tid @extschema@.trial_id, OUT problems jsonb)
    LANGUAGE plpgsql VOLATILE
    SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    --@schema_check (src/sql/schema_check.sql.in)
    -- (declared in an inner block: a variable of the extension's types is
    -- made, and its type looked up, only once the check above has passed)
    DECLARE
    ps jsonb := record -> 'protocolSection';
    probs jsonb := '[]';
    mpath text;
    g jsonb;
    gi bigint;
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
    BEGIN
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
    problems := probs;
    END;
END
$fn$;
COMMENT ON FUNCTION @extschema@.ctgov_import_trial(jsonb, @extschema@.trial_id) IS
    'ctgov_import(), the trial: checks that the parts of the record it reads are objects and its lists are lists, then inserts or updates the trial row from the identification, conditions, design and status modules; returns what it could not read, as problems (a JSON list of path, reason, raw)';

CREATE OR REPLACE FUNCTION @extschema@.ctgov_import_arms(record jsonb, tid @extschema@.trial_id,
    OUT arm_ids bigint[], OUT arm_labels text[], OUT problems jsonb)
    LANGUAGE plpgsql VOLATILE
    SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    --@schema_check (src/sql/schema_check.sql.in)
    -- (declared in an inner block: a variable of the extension's types is
    -- made, and its type looked up, only once the check above has passed)
    DECLARE
    ps jsonb := record -> 'protocolSection';
    probs jsonb := '[]';
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
    BEGIN
    arm_labels := '{}';
    arm_ids := '{}';
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
        WHERE a.trial_id OPERATOR(@extschema@.=) tid AND a.arm_id <> ALL (arm_ids)
          AND EXISTS (SELECT 1 FROM @extschema@.participant p WHERE p.arm_id = a.arm_id)
        ORDER BY a.label
    LOOP
        probs := probs || jsonb_build_object('path', '$.protocolSection.armsInterventionsModule.armGroups',
            'reason', format('arm "%s" is no longer in the record but has participants; kept', v_label),
            'raw', to_jsonb(v_label));
    END LOOP;
    DELETE FROM @extschema@.arm a
    WHERE a.trial_id OPERATOR(@extschema@.=) tid AND a.arm_id <> ALL (arm_ids)
      AND NOT EXISTS (SELECT 1 FROM @extschema@.participant p WHERE p.arm_id = a.arm_id);
    problems := probs;
    END;
END
$fn$;
COMMENT ON FUNCTION @extschema@.ctgov_import_arms(jsonb, @extschema@.trial_id) IS
    'ctgov_import(), the arms: inserts or updates one arm per arm group, its interventions classified (MSC or not, source, donor, manipulation, route, dose, co-interventions), and deletes the trial''s arms no longer in the record unless they have participants; returns the arms'' ids and labels in record order and the problems';

CREATE OR REPLACE FUNCTION @extschema@.ctgov_import_outcomes(record jsonb, tid @extschema@.trial_id, arm_ids bigint[], arm_labels text[])
    RETURNS jsonb
    LANGUAGE plpgsql VOLATILE
    SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    --@schema_check (src/sql/schema_check.sql.in)
    -- (declared in an inner block: a variable of the extension's types is
    -- made, and its type looked up, only once the check above has passed)
    DECLARE
    probs jsonb := '[]';
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
    v_arm_id bigint;
    v_n integer;
    v_mean numeric;
    v_sd numeric;
    v_spread numeric;
    lo numeric;
    hi numeric;
    rng numrange;
    cnt bigint;
    BEGIN
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

        -- each group's arm: the mapping of its result_group row
        -- (ctgov_import_result_groups, or a curator's)
        SELECT coalesce(jsonb_object_agg(r.group_code, jsonb_build_object('arm', r.mapped_arm_id, 'title', r.title)), '{}')
        INTO gmap
        FROM @extschema@.result_group r
        WHERE r.trial_id OPERATOR(@extschema@.=) tid AND r.section = 'outcome' AND r.outcome_no = oi - 1;

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
                            'reason', format('results group %s "%s" is mapped to no arm of the protocol (%s); not loaded as an arm''s outcome',
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
    RETURN probs;
    END;
END
$fn$;
COMMENT ON FUNCTION @extschema@.ctgov_import_outcomes(jsonb, @extschema@.trial_id, bigint[], text[]) IS
    'ctgov_import(), the outcome measures: inserts the arm-level means of each measure on a known pain or function instrument (scale converted, SD derived from an SE or a confidence interval) for the results groups mapped to an arm (result_group.mapped_arm_id; arm_ids and arm_labels as ctgov_import_arms returns them); returns the problems';

CREATE OR REPLACE FUNCTION @extschema@.ctgov_import_adverse_events(record jsonb, tid @extschema@.trial_id, arm_ids bigint[], arm_labels text[])
    RETURNS jsonb
    LANGUAGE plpgsql VOLATILE
    SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    --@schema_check (src/sql/schema_check.sql.in)
    -- (declared in an inner block: a variable of the extension's types is
    -- made, and its type looked up, only once the check above has passed)
    DECLARE
    probs jsonb := '[]';
    emap jsonb := '{}';
    aem jsonb;
    lst record;
    g jsonb;
    gi bigint;
    apath text;
    gid text;
    cnt bigint;
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
    -- ---- adverse events ----
    aem := record #> '{resultsSection,adverseEventsModule}';
    -- each group's result_group row (ctgov_import_result_groups) and arm,
    -- if it is mapped to one: the counts of every group are kept, those
    -- of a mapped group count for its arm
    SELECT coalesce(jsonb_object_agg(r.group_code, jsonb_build_object('rg', r.result_group_id, 'arm', r.mapped_arm_id)), '{}')
    INTO emap
    FROM @extschema@.result_group r
    WHERE r.trial_id OPERATOR(@extschema@.=) tid AND r.section = 'adverse_events';
    FOR g, gi IN SELECT * FROM jsonb_array_elements(
            CASE WHEN jsonb_typeof(aem -> 'eventGroups') = 'array' THEN aem -> 'eventGroups' ELSE '[]' END) WITH ORDINALITY
    LOOP
        apath := format('$.resultsSection.adverseEventsModule.eventGroups[%s]', gi - 1);
        CONTINUE WHEN NOT emap ? coalesce(g ->> 'id', '');
        IF emap #>> ARRAY[g ->> 'id', 'arm'] IS NULL THEN
            probs := probs || jsonb_build_object('path', apath,
                'reason', format('adverse-event group %s "%s" is mapped to no arm of the protocol (%s); its totals and event counts are kept with the result group only',
                                 g ->> 'id', coalesce(g ->> 'title', ''), array_to_string(arm_labels, '; ')),
                'raw', g);
            CONTINUE;
        END IF;
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
        WHERE arm_id = (emap #>> ARRAY[g ->> 'id', 'arm'])::bigint;
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
                    probs := probs || jsonb_build_object('path', spath,
                        'reason', format('group %s is not an adverse-event group of the record; not loaded', coalesce(gid, '(none)')),
                        'raw', st);
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
                INSERT INTO @extschema@.adverse_event (arm_id, result_group_id, term, organ_system, serious, n_affected, n_at_risk, n_events)
                VALUES ((emap #>> ARRAY[gid, 'arm'])::bigint, (emap #>> ARRAY[gid, 'rg'])::bigint,
                        v_term, v_organ, lst.serious, v_aff, v_risk, v_events)
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
    RETURN probs;
    END;
END
$fn$;
COMMENT ON FUNCTION @extschema@.ctgov_import_adverse_events(jsonb, @extschema@.trial_id, bigint[], text[]) IS
    'ctgov_import(), the adverse events: each event group mapped to an arm (result_group.mapped_arm_id) sets the arm''s totals (serious adverse events, deaths, at risk), and each serious or other event''s counts per group become adverse_event rows of the group''s result_group, with the arm when it is mapped to one; returns the problems';

CREATE OR REPLACE FUNCTION @extschema@.ctgov_import(record jsonb)
    RETURNS @extschema@.trial_id
    LANGUAGE plpgsql VOLATILE STRICT
    SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    --@schema_check (src/sql/schema_check.sql.in)
    -- (declared in an inner block: a variable of the extension's types is
    -- made, and its type looked up, only once the check above has passed)
    DECLARE
    not_study_hint constant text :=
        'ctgov_import() takes one study as the ClinicalTrials.gov API v2 returns it '
        '(https://clinicaltrials.gov/api/v2/studies/NCT01234567): a JSON object with protocolSection.identificationModule.nctId.';
    ps jsonb;
    nct text;
    tid @extschema@.trial_id;
    probs jsonb;
    arms record;
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
    PERFORM @extschema@.ctgov_import_begin(tid, record);   -- versions, corrections: 88_registry_versions.sql

    probs := @extschema@.ctgov_import_trial(record, tid);
    -- a re-import replaces what the last one loaded
    DELETE FROM @extschema@.import_problem WHERE trial_id OPERATOR(@extschema@.=) tid;
    DELETE FROM @extschema@.outcome o USING @extschema@.arm a WHERE o.arm_id = a.arm_id AND a.trial_id OPERATOR(@extschema@.=) tid;
    DELETE FROM @extschema@.adverse_event e USING @extschema@.arm a WHERE e.arm_id = a.arm_id AND a.trial_id OPERATOR(@extschema@.=) tid;
    DELETE FROM @extschema@.adverse_event e USING @extschema@.result_group r
    WHERE e.result_group_id = r.result_group_id AND r.trial_id OPERATOR(@extschema@.=) tid;

    arms := @extschema@.ctgov_import_arms(record, tid);
    probs := probs || arms.problems
             || @extschema@.ctgov_import_secondary_ids(record, tid)
             || @extschema@.ctgov_import_design(record, tid)
             || @extschema@.ctgov_import_result_groups(record, tid, arms.arm_ids, arms.arm_labels)
             || @extschema@.ctgov_import_outcomes(record, tid, arms.arm_ids, arms.arm_labels)
             || @extschema@.ctgov_import_adverse_events(record, tid, arms.arm_ids, arms.arm_labels);

    -- every reason written above says "not loaded" exactly when the value was dropped
    INSERT INTO @extschema@.import_problem (trial_id, json_path, reason, dropped, raw_value)
    SELECT tid, p ->> 'path', p ->> 'reason', (p ->> 'reason') ~ 'not loaded',
           CASE WHEN jsonb_typeof(p -> 'raw') = 'null' THEN NULL ELSE p -> 'raw' END
    FROM jsonb_array_elements(probs) WITH ORDINALITY AS x(p, o)
    ORDER BY o;

    PERFORM @extschema@.ctgov_import_end(tid);
    RETURN tid;
    END;
END
$fn$;
COMMENT ON FUNCTION @extschema@.ctgov_import(jsonb) IS
    'loads one ClinicalTrials.gov API v2 study record: the trial, its arms (interventions classified), its outcome measures on a known pain or function instrument reported as means (SD derived from an SE or a confidence interval), and its adverse events; a re-import replaces what the last one loaded; what it cannot read becomes an import_problem row; returns the trial_id; a document that is not a study is an error (22023)';

-- Registry, trial design and context from ClinicalTrials.gov records: design,
-- eligibility, sponsors, countries, references and key dates (issue 13),
-- filled by ctgov_import_design().

CREATE TABLE @extschema@.trial_design (
    trial_id            @extschema@.trial_id PRIMARY KEY REFERENCES @extschema@.trial ON DELETE CASCADE,
    allocation          text CHECK (allocation IN ('randomized', 'non_randomized', 'na')),
    intervention_model  text CHECK (intervention_model IN ('single_group', 'parallel', 'crossover', 'factorial', 'sequential')),
    masking             text CHECK (masking IN ('none', 'single', 'double', 'triple', 'quadruple')),
    who_masked          text[] NOT NULL DEFAULT '{}'
        CHECK (who_masked <@ ARRAY['participant', 'care_provider', 'investigator', 'outcomes_assessor']),
    primary_purpose     text CHECK (primary_purpose IN ('treatment', 'prevention', 'diagnostic', 'ect', 'supportive_care',
               'screening', 'health_services_research', 'basic_science', 'device_feasibility', 'other')),
    enrollment_type     text CHECK (enrollment_type IN ('actual', 'estimated')),
    sex                 text CHECK (sex IN ('all', 'female', 'male')),
    minimum_age_text    text,
    minimum_age         interval,
    maximum_age_text    text,
    maximum_age         interval,
    healthy_volunteers  boolean,
    lead_sponsor        text,
    lead_sponsor_class  text CHECK (lead_sponsor_class IN ('nih', 'fed', 'other_gov', 'indiv', 'industry', 'network', 'ambig', 'other', 'unknown')),
    countries           text[] NOT NULL DEFAULT '{}',
    start_date          date,
    start_date_precision text CHECK (start_date_precision IN ('day', 'month')),
    primary_completion_date date,
    primary_completion_date_precision text CHECK (primary_completion_date_precision IN ('day', 'month')),
    completion_date     date,
    completion_date_precision text CHECK (completion_date_precision IN ('day', 'month')),
    results_first_posted date,
    results_first_posted_precision text CHECK (results_first_posted_precision IN ('day', 'month')),
    CONSTRAINT trial_design_start_precision_check CHECK ((start_date IS NULL) = (start_date_precision IS NULL)),
    CONSTRAINT trial_design_primary_completion_precision_check
        CHECK ((primary_completion_date IS NULL) = (primary_completion_date_precision IS NULL)),
    CONSTRAINT trial_design_completion_precision_check CHECK ((completion_date IS NULL) = (completion_date_precision IS NULL)),
    CONSTRAINT trial_design_results_posted_precision_check
        CHECK ((results_first_posted IS NULL) = (results_first_posted_precision IS NULL)),
    CONSTRAINT trial_design_age_range_check CHECK (minimum_age <= maximum_age)
);
COMMENT ON TABLE @extschema@.trial_design IS
    'design, eligibility, lead sponsor, countries and key dates of a trial as its ClinicalTrials.gov record gives them (codes in lower case); replaced on every import of the trial (phases and enrollment are in trial)';
COMMENT ON COLUMN @extschema@.trial_design.allocation IS 'randomized, non_randomized or na (designInfo.allocation)';
COMMENT ON COLUMN @extschema@.trial_design.intervention_model IS 'single_group, parallel, crossover, factorial or sequential';
COMMENT ON COLUMN @extschema@.trial_design.masking IS 'none (open label), single, double, triple or quadruple';
COMMENT ON COLUMN @extschema@.trial_design.who_masked IS 'who is blinded: participant, care_provider, investigator, outcomes_assessor';
COMMENT ON COLUMN @extschema@.trial_design.primary_purpose IS 'treatment, prevention, diagnostic, supportive_care ... (designInfo.primaryPurpose)';
COMMENT ON COLUMN @extschema@.trial_design.enrollment_type IS 'whether trial.enrollment is the actual or the estimated number';
COMMENT ON COLUMN @extschema@.trial_design.sex IS 'sexes eligible: all, female or male';
COMMENT ON COLUMN @extschema@.trial_design.minimum_age_text IS 'minimum age as registered ("18 Years")';
COMMENT ON COLUMN @extschema@.trial_design.minimum_age IS 'minimum age as an interval, when the text is a number of years, months, weeks, days, hours or minutes';
COMMENT ON COLUMN @extschema@.trial_design.maximum_age_text IS 'maximum age as registered ("75 Years")';
COMMENT ON COLUMN @extschema@.trial_design.maximum_age IS 'maximum age as an interval, when the text is a number of years, months, weeks, days, hours or minutes';
COMMENT ON COLUMN @extschema@.trial_design.healthy_volunteers IS 'healthy volunteers are accepted';
COMMENT ON COLUMN @extschema@.trial_design.lead_sponsor IS 'name of the lead sponsor';
COMMENT ON COLUMN @extschema@.trial_design.lead_sponsor_class IS 'kind of lead sponsor: industry, nih, fed, other_gov, indiv, network, ambig, other (academic and others), unknown';
COMMENT ON COLUMN @extschema@.trial_design.countries IS 'the distinct countries of the trial''s locations, sorted';
COMMENT ON COLUMN @extschema@.trial_design.start_date IS 'start date (the first of the month when only the month is given, see start_date_precision)';
COMMENT ON COLUMN @extschema@.trial_design.start_date_precision IS 'day or month: what the record gives ("2019-05" is month)';
COMMENT ON COLUMN @extschema@.trial_design.primary_completion_date IS 'primary completion date (first of the month at month precision)';
COMMENT ON COLUMN @extschema@.trial_design.primary_completion_date_precision IS 'day or month';
COMMENT ON COLUMN @extschema@.trial_design.completion_date IS 'study completion date (first of the month at month precision)';
COMMENT ON COLUMN @extschema@.trial_design.completion_date_precision IS 'day or month';
COMMENT ON COLUMN @extschema@.trial_design.results_first_posted IS 'when results were first posted (first of the month at month precision)';
COMMENT ON COLUMN @extschema@.trial_design.results_first_posted_precision IS 'day or month';

CREATE TABLE @extschema@.trial_collaborator (
    trial_id            @extschema@.trial_id NOT NULL REFERENCES @extschema@.trial ON DELETE CASCADE,
    name                text NOT NULL CHECK (btrim(name) <> ''),
    sponsor_class       text CHECK (sponsor_class IN ('nih', 'fed', 'other_gov', 'indiv', 'industry', 'network', 'ambig', 'other', 'unknown')),
    json_path           text CHECK (json_path ~ '^\$'),
    PRIMARY KEY (trial_id, name)
);
COMMENT ON TABLE @extschema@.trial_collaborator IS
    'collaborators of a trial (sponsorCollaboratorsModule.collaborators); the imported rows are replaced on every import of the trial';
COMMENT ON COLUMN @extschema@.trial_collaborator.name IS 'collaborator as the record names it (trimmed)';
COMMENT ON COLUMN @extschema@.trial_collaborator.sponsor_class IS 'kind of collaborator, as trial_design.lead_sponsor_class';
COMMENT ON COLUMN @extschema@.trial_collaborator.json_path IS 'where in the imported record it is (JSONPath); NULL for one entered by hand';

CREATE TABLE @extschema@.trial_reference (
    trial_id            @extschema@.trial_id NOT NULL REFERENCES @extschema@.trial ON DELETE CASCADE,
    reference_no        integer NOT NULL CHECK (reference_no >= 0),
    pmid                bigint CHECK (pmid > 0),
    reference_type      text CHECK (reference_type IN ('background', 'result', 'derived')),
    citation            text,
    json_path           text CHECK (json_path ~ '^\$'),
    PRIMARY KEY (trial_id, reference_no),
    CONSTRAINT trial_reference_something_check CHECK (pmid IS NOT NULL OR citation IS NOT NULL)
);
COMMENT ON TABLE @extschema@.trial_reference IS
    'publications a trial record cites (referencesModule.references); the imported rows are replaced on every import of the trial';
COMMENT ON COLUMN @extschema@.trial_reference.reference_no IS 'position in the record''s list, from 0';
COMMENT ON COLUMN @extschema@.trial_reference.pmid IS 'PubMed id; NULL when the record gives none';
COMMENT ON COLUMN @extschema@.trial_reference.reference_type IS 'background, result (reports the trial''s results) or derived (found by ClinicalTrials.gov)';
COMMENT ON COLUMN @extschema@.trial_reference.citation IS 'citation as written';
COMMENT ON COLUMN @extschema@.trial_reference.json_path IS 'where in the imported record it is (JSONPath); NULL for one entered by hand';

CREATE INDEX trial_reference_pmid_idx ON @extschema@.trial_reference (pmid) WHERE pmid IS NOT NULL;
COMMENT ON INDEX @extschema@.trial_reference_pmid_idx IS 'trials citing a PubMed id';

SELECT pg_catalog.pg_extension_config_dump('@extschema@.trial_design', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.trial_collaborator', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.trial_reference', '');

CREATE FUNCTION @extschema@.ctgov_import_design(record jsonb, tid @extschema@.trial_id)
    RETURNS jsonb
    LANGUAGE plpgsql VOLATILE
    SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    --@schema_check (src/sql/schema_check.sql.in)
    DECLARE
    ps jsonb := record -> 'protocolSection';
    probs jsonb := '[]';
    d jsonb := '{}';        -- column -> value read
    f record;
    v jsonb;
    s text;
    m text[];
    i bigint;
    path text;
    who text[] := '{}';
    countries text[] := '{}';
    cnt bigint;
    BEGIN
    -- a re-import replaces what the last one loaded (rows entered by hand stay)
    DELETE FROM @extschema@.trial_design x WHERE x.trial_id OPERATOR(@extschema@.=) tid;
    DELETE FROM @extschema@.trial_collaborator x WHERE x.trial_id OPERATOR(@extschema@.=) tid AND x.json_path IS NOT NULL;
    DELETE FROM @extschema@.trial_reference x WHERE x.trial_id OPERATOR(@extschema@.=) tid AND x.json_path IS NOT NULL;

    -- coded values: a string among the codes (any case) or a problem
    FOR f IN
        SELECT * FROM (VALUES
            ('allocation', '{designModule,designInfo,allocation}'::text[],
             '{randomized,non_randomized,na}'::text[]),
            ('intervention_model', '{designModule,designInfo,interventionModel}',
             '{single_group,parallel,crossover,factorial,sequential}'),
            ('masking', '{designModule,designInfo,maskingInfo,masking}', '{none,single,double,triple,quadruple}'),
            ('primary_purpose', '{designModule,designInfo,primaryPurpose}',
             '{treatment,prevention,diagnostic,ect,supportive_care,screening,health_services_research,basic_science,device_feasibility,other}'),
            ('enrollment_type', '{designModule,enrollmentInfo,type}', '{actual,estimated}'),
            ('sex', '{eligibilityModule,sex}', '{all,female,male}'),
            ('lead_sponsor_class', '{sponsorCollaboratorsModule,leadSponsor,class}',
             '{nih,fed,other_gov,indiv,industry,network,ambig,other,unknown}')) AS c(col, keys, codes)
    LOOP
        v := ps #> f.keys;
        CONTINUE WHEN v IS NULL OR jsonb_typeof(v) = 'null';
        s := CASE WHEN jsonb_typeof(v) = 'string' THEN lower(btrim(v #>> '{}')) END;
        IF s = ANY (f.codes) THEN
            d := d || jsonb_build_object(f.col, s);
        ELSE
            probs := probs || jsonb_build_object('path', '$.protocolSection.' || array_to_string(f.keys, '.'),
                'reason', format('not one of %s; not loaded', upper(array_to_string(f.codes, ', '))), 'raw', v);
        END IF;
    END LOOP;

    v := ps #> '{designModule,designInfo,maskingInfo,whoMasked}';
    IF jsonb_typeof(v) = 'array' THEN
        FOR v, i IN SELECT e, o FROM jsonb_array_elements(v) WITH ORDINALITY AS a(e, o) LOOP
            s := CASE WHEN jsonb_typeof(v) = 'string' THEN lower(btrim(v #>> '{}')) END;
            IF s = ANY ('{participant,care_provider,investigator,outcomes_assessor}') THEN
                who := CASE WHEN s = ANY (who) THEN who ELSE who || s END;
            ELSE
                probs := probs || jsonb_build_object('path', format('$.protocolSection.designModule.designInfo.maskingInfo.whoMasked[%s]', i - 1),
                    'reason', 'not one of PARTICIPANT, CARE_PROVIDER, INVESTIGATOR, OUTCOMES_ASSESSOR; not loaded', 'raw', v);
            END IF;
        END LOOP;
    ELSIF v IS NOT NULL AND jsonb_typeof(v) <> 'null' THEN
        probs := probs || jsonb_build_object('path', '$.protocolSection.designModule.designInfo.maskingInfo.whoMasked',
            'reason', 'not a list; not loaded', 'raw', v);
    END IF;

    -- ages: the text always (when a text), the interval where it parses
    FOREACH s IN ARRAY ARRAY['minimum', 'maximum'] LOOP
        path := format('$.protocolSection.eligibilityModule.%sAge', s);
        v := ps #> ARRAY['eligibilityModule', s || 'Age'];
        CONTINUE WHEN v IS NULL OR jsonb_typeof(v) = 'null';
        IF jsonb_typeof(v) <> 'string' OR btrim(v #>> '{}') = '' THEN
            probs := probs || jsonb_build_object('path', path, 'reason', 'an age that is not a text; not loaded', 'raw', v);
            CONTINUE;
        END IF;
        d := d || jsonb_build_object(s || '_age_text', btrim(v #>> '{}'));
        m := regexp_match(btrim(v #>> '{}'), '^([0-9]{1,4}) *(year|month|week|day|hour|minute)s?$', 'i');
        IF m IS NULL THEN
            probs := probs || jsonb_build_object('path', path,
                'reason', 'an age that is not a number of years, months, weeks, days, hours or minutes; kept as text only', 'raw', v);
        ELSE
            d := d || jsonb_build_object(s || '_age', (m[1] || ' ' || lower(m[2]) || 's')::interval);
        END IF;
    END LOOP;
    IF (d ->> 'minimum_age')::interval > (d ->> 'maximum_age')::interval THEN
        probs := probs || jsonb_build_object('path', '$.protocolSection.eligibilityModule',
            'reason', 'the minimum age is above the maximum age; the ages kept as text only',
            'raw', jsonb_build_array(ps #> '{eligibilityModule,minimumAge}', ps #> '{eligibilityModule,maximumAge}'));
        d := d - 'minimum_age' - 'maximum_age';
    END IF;

    v := ps #> '{eligibilityModule,healthyVolunteers}';
    IF jsonb_typeof(v) = 'boolean' THEN
        d := d || jsonb_build_object('healthy_volunteers', v);
    ELSIF v IS NOT NULL AND jsonb_typeof(v) <> 'null' THEN
        probs := probs || jsonb_build_object('path', '$.protocolSection.eligibilityModule.healthyVolunteers',
            'reason', 'not true or false; not loaded', 'raw', v);
    END IF;

    v := ps #> '{sponsorCollaboratorsModule,leadSponsor,name}';
    IF jsonb_typeof(v) = 'string' AND btrim(v #>> '{}') <> '' THEN
        d := d || jsonb_build_object('lead_sponsor', btrim(v #>> '{}'));
    ELSIF v IS NOT NULL AND jsonb_typeof(v) <> 'null' THEN
        probs := probs || jsonb_build_object('path', '$.protocolSection.sponsorCollaboratorsModule.leadSponsor.name',
            'reason', 'a sponsor name that is not a text; not loaded', 'raw', v);
    END IF;

    -- dates: YYYY-MM (month precision) or YYYY-MM-DD (day precision)
    FOR f IN
        SELECT * FROM (VALUES ('start_date', 'startDateStruct'), ('primary_completion_date', 'primaryCompletionDateStruct'),
                              ('completion_date', 'completionDateStruct'), ('results_first_posted', 'resultsFirstPostDateStruct')) AS c(col, struct)
    LOOP
        v := ps #> ARRAY['statusModule', f.struct, 'date'];
        CONTINUE WHEN v IS NULL OR jsonb_typeof(v) = 'null';
        s := CASE WHEN jsonb_typeof(v) = 'string' THEN btrim(v #>> '{}') END;
        BEGIN
            IF s ~ '^[0-9]{4}-[0-9]{2}$' THEN
                d := d || jsonb_build_object(f.col, make_date(left(s, 4)::int, right(s, 2)::int, 1), f.col || '_precision', 'month');
            ELSIF s ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN
                d := d || jsonb_build_object(f.col, make_date(left(s, 4)::int, substr(s, 6, 2)::int, right(s, 2)::int),
                                             f.col || '_precision', 'day');
            ELSE
                s := NULL;
            END IF;
        EXCEPTION WHEN datetime_field_overflow OR invalid_datetime_format OR data_exception THEN
            s := NULL;
        END;
        -- a start date trial.start_date refuses is reported once, by ctgov_import_trial
        IF s IS NULL AND NOT (f.struct = 'startDateStruct'
                              AND v #>> '{}' !~ '^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$') THEN
            probs := probs || jsonb_build_object('path', format('$.protocolSection.statusModule.%s.date', f.struct),
                'reason', 'not a date YYYY-MM or YYYY-MM-DD; not loaded', 'raw', v);
        END IF;
    END LOOP;

    -- countries of the locations, distinct
    v := ps #> '{contactsLocationsModule,locations}';
    IF jsonb_typeof(v) = 'array' THEN
        FOR v, i IN SELECT e, o FROM jsonb_array_elements(v) WITH ORDINALITY AS a(e, o) LOOP
            CONTINUE WHEN jsonb_typeof(v) = 'object' AND (v -> 'country' IS NULL OR jsonb_typeof(v -> 'country') = 'null');
            IF jsonb_typeof(v -> 'country') = 'string' AND btrim(v ->> 'country') <> '' THEN
                s := btrim(v ->> 'country');
                countries := CASE WHEN s = ANY (countries) THEN countries ELSE countries || s END;
            ELSE
                probs := probs || jsonb_build_object('path', format('$.protocolSection.contactsLocationsModule.locations[%s]', i - 1),
                    'reason', 'a location whose country is not a text; its country not loaded', 'raw', v);
            END IF;
        END LOOP;
    ELSIF v IS NOT NULL AND jsonb_typeof(v) <> 'null' THEN
        probs := probs || jsonb_build_object('path', '$.protocolSection.contactsLocationsModule.locations',
            'reason', 'not a list; not loaded', 'raw', v);
    END IF;

    INSERT INTO @extschema@.trial_design
    SELECT (jsonb_populate_record(NULL::@extschema@.trial_design,
                d || jsonb_build_object('trial_id', tid::text, 'who_masked', to_jsonb(who),
                                        'countries', to_jsonb(ARRAY(SELECT c FROM unnest(countries) AS c ORDER BY c))))).*;

    -- collaborators
    v := ps #> '{sponsorCollaboratorsModule,collaborators}';
    IF jsonb_typeof(v) = 'array' THEN
        FOR v, i IN SELECT e, o FROM jsonb_array_elements(v) WITH ORDINALITY AS a(e, o) LOOP
            path := format('$.protocolSection.sponsorCollaboratorsModule.collaborators[%s]', i - 1);
            IF jsonb_typeof(v -> 'name') IS DISTINCT FROM 'string' OR btrim(v ->> 'name') = '' OR char_length(v ->> 'name') > 300 THEN
                probs := probs || jsonb_build_object('path', path,
                    'reason', 'a collaborator without a name of 1 to 300 characters; not loaded', 'raw', v);
                CONTINUE;
            END IF;
            s := CASE WHEN jsonb_typeof(v -> 'class') = 'string' THEN lower(btrim(v ->> 'class')) END;
            IF NOT coalesce(s = ANY ('{nih,fed,other_gov,indiv,industry,network,ambig,other,unknown}'), false)
               AND jsonb_typeof(v -> 'class') IS DISTINCT FROM 'null' AND v ? 'class' THEN
                probs := probs || jsonb_build_object('path', path || '.class',
                    'reason', 'not one of NIH, FED, OTHER_GOV, INDIV, INDUSTRY, NETWORK, AMBIG, OTHER, UNKNOWN; the collaborator loaded without it',
                    'raw', v -> 'class');
                s := NULL;
            END IF;
            INSERT INTO @extschema@.trial_collaborator (trial_id, name, sponsor_class, json_path)
            VALUES (tid, btrim(v ->> 'name'), s, path)
            ON CONFLICT DO NOTHING;
            GET DIAGNOSTICS cnt = ROW_COUNT;
            IF cnt = 0 THEN
                probs := probs || jsonb_build_object('path', path,
                    'reason', format('collaborator "%s" is listed twice (or was entered by hand); the second is not loaded', btrim(v ->> 'name')), 'raw', v);
            END IF;
        END LOOP;
    ELSIF v IS NOT NULL AND jsonb_typeof(v) <> 'null' THEN
        probs := probs || jsonb_build_object('path', '$.protocolSection.sponsorCollaboratorsModule.collaborators',
            'reason', 'not a list; not loaded', 'raw', v);
    END IF;

    -- references
    v := ps #> '{referencesModule,references}';
    IF jsonb_typeof(v) = 'array' THEN
        FOR v, i IN SELECT e, o FROM jsonb_array_elements(v) WITH ORDINALITY AS a(e, o) LOOP
            path := format('$.protocolSection.referencesModule.references[%s]', i - 1);
            IF jsonb_typeof(v) <> 'object' THEN
                probs := probs || jsonb_build_object('path', path, 'reason', 'not an object; not loaded', 'raw', v);
                CONTINUE;
            END IF;
            d := jsonb_build_object('citation', CASE WHEN jsonb_typeof(v -> 'citation') = 'string' THEN nullif(btrim(v ->> 'citation'), '') END);
            IF v -> 'citation' IS NOT NULL AND jsonb_typeof(v -> 'citation') NOT IN ('string', 'null') THEN
                probs := probs || jsonb_build_object('path', path || '.citation', 'reason', 'a citation that is not a text; not loaded', 'raw', v -> 'citation');
            END IF;
            s := CASE WHEN jsonb_typeof(v -> 'pmid') IN ('string', 'number') THEN btrim(v #>> '{pmid}') END;
            IF s ~ '^[0-9]{1,15}$' AND s::bigint > 0 THEN
                d := d || jsonb_build_object('pmid', s::bigint);
            ELSIF v -> 'pmid' IS NOT NULL AND jsonb_typeof(v -> 'pmid') <> 'null' THEN
                probs := probs || jsonb_build_object('path', path || '.pmid', 'reason', 'a PubMed id that is not a positive whole number; not loaded', 'raw', v -> 'pmid');
            END IF;
            s := CASE WHEN jsonb_typeof(v -> 'type') = 'string' THEN lower(btrim(v ->> 'type')) END;
            IF s = ANY ('{background,result,derived}') THEN
                d := d || jsonb_build_object('reference_type', s);
            ELSIF v -> 'type' IS NOT NULL AND jsonb_typeof(v -> 'type') <> 'null' THEN
                probs := probs || jsonb_build_object('path', path || '.type', 'reason', 'not one of BACKGROUND, RESULT, DERIVED; not loaded', 'raw', v -> 'type');
            END IF;
            IF d ->> 'pmid' IS NULL AND d ->> 'citation' IS NULL THEN
                probs := probs || jsonb_build_object('path', path, 'reason', 'a reference with neither a PubMed id nor a citation; not loaded', 'raw', v);
                CONTINUE;
            END IF;
            INSERT INTO @extschema@.trial_reference (trial_id, reference_no, pmid, reference_type, citation, json_path)
            VALUES (tid, i - 1, (d ->> 'pmid')::bigint, d ->> 'reference_type', d ->> 'citation', path)
            ON CONFLICT DO NOTHING;
            GET DIAGNOSTICS cnt = ROW_COUNT;
            IF cnt = 0 THEN
                probs := probs || jsonb_build_object('path', path,
                    'reason', 'a reference entered by hand has this position; not loaded', 'raw', v);
            END IF;
        END LOOP;
    ELSIF v IS NOT NULL AND jsonb_typeof(v) <> 'null' THEN
        probs := probs || jsonb_build_object('path', '$.protocolSection.referencesModule.references',
            'reason', 'not a list; not loaded', 'raw', v);
    END IF;
    RETURN probs;
    END;
END
$fn$;
COMMENT ON FUNCTION @extschema@.ctgov_import_design(jsonb, @extschema@.trial_id) IS
    'ctgov_import(), design and context: design, eligibility, lead sponsor, countries and key dates become the trial_design row, collaborators trial_collaborator rows and references trial_reference rows, replacing those of the last import; returns the problems';

-- Registry, trial context from ClinicalTrials.gov records: secondary ids
-- (filled by ctgov_import_secondary_ids(), issue 13; design, eligibility,
-- sponsors, countries, references and dates are in 89_trial_design.sql).

-- ===================================================================
-- Secondary identifiers
-- ===================================================================

CREATE TABLE @extschema@.trial_secondary_id (
    trial_id            @extschema@.trial_id NOT NULL REFERENCES @extschema@.trial ON DELETE CASCADE,
    id_text             text NOT NULL CHECK (btrim(id_text) <> ''),
    id                  @extschema@.trial_id,
    id_type             text,
    domain              text,
    json_path           text CHECK (json_path ~ '^\$'),
    PRIMARY KEY (trial_id, id_text)
);
COMMENT ON TABLE @extschema@.trial_secondary_id IS
    'the other identifiers a trial is registered under (ClinicalTrials.gov secondaryIdInfos, and the org study id): as written, and as a trial_id where it is one of a registry trial_id knows; replaced on every import of the trial';
COMMENT ON COLUMN @extschema@.trial_secondary_id.id_text IS 'the identifier as the record writes it (trimmed)';
COMMENT ON COLUMN @extschema@.trial_secondary_id.id IS
    'the identifier as a trial_id when the text is exactly one registry identifier (EudraCT, ISRCTN, ChiCTR ...); NULL for a sponsor''s or a grant number';
COMMENT ON COLUMN @extschema@.trial_secondary_id.id_type IS
    'kind of identifier, lower case ClinicalTrials.gov code: org_study_id (the sponsor''s own), nih, fda, va, cdc, ahrq, samhsa, other_grant, eudract_number, ctis, registry, other; NULL when not given';
COMMENT ON COLUMN @extschema@.trial_secondary_id.domain IS 'who issued it, as the record says (a registry, a funder ...); NULL when not given';
COMMENT ON COLUMN @extschema@.trial_secondary_id.json_path IS 'where in the imported record it is (JSONPath); NULL for one entered by hand';

CREATE INDEX trial_secondary_id_id_idx ON @extschema@.trial_secondary_id (id) WHERE id IS NOT NULL;
COMMENT ON INDEX @extschema@.trial_secondary_id_id_idx IS 'trials registered under a registry identifier (duplicates across registries)';

SELECT pg_catalog.pg_extension_config_dump('@extschema@.trial_secondary_id', '');

CREATE FUNCTION @extschema@.ctgov_import_secondary_ids(record jsonb, tid @extschema@.trial_id)
    RETURNS jsonb
    LANGUAGE plpgsql VOLATILE
    SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    --@schema_check (src/sql/schema_check.sql.in)
    DECLARE
    im jsonb := record #> '{protocolSection,identificationModule}';
    probs jsonb := '[]';
    s jsonb;
    si bigint;
    path text;
    v_text text;
    ids @extschema@.trial_id[];
    cnt bigint;
    BEGIN
    -- a re-import replaces what the last one loaded (rows entered by hand stay)
    DELETE FROM @extschema@.trial_secondary_id x
    WHERE x.trial_id OPERATOR(@extschema@.=) tid AND x.json_path IS NOT NULL;
    IF im ? 'secondaryIdInfos' AND jsonb_typeof(im -> 'secondaryIdInfos') NOT IN ('array', 'null') THEN
        probs := probs || jsonb_build_object('path', '$.protocolSection.identificationModule.secondaryIdInfos',
            'reason', 'not a list; not loaded', 'raw', im -> 'secondaryIdInfos');
    END IF;
    FOR s, si IN
        SELECT x, o FROM (SELECT im -> 'orgStudyIdInfo' || jsonb_build_object('type', 'ORG_STUDY_ID'), 0
                          WHERE jsonb_typeof(im -> 'orgStudyIdInfo') = 'object'
                          UNION ALL
                          SELECT e, o FROM jsonb_array_elements(CASE WHEN jsonb_typeof(im -> 'secondaryIdInfos') = 'array'
                                                                     THEN im -> 'secondaryIdInfos' ELSE '[]' END) WITH ORDINALITY AS a(e, o)) AS y(x, o)
        ORDER BY o
    LOOP
        path := CASE WHEN si = 0 THEN '$.protocolSection.identificationModule.orgStudyIdInfo'
                     ELSE format('$.protocolSection.identificationModule.secondaryIdInfos[%s]', si - 1) END;
        v_text := CASE WHEN jsonb_typeof(s -> 'id') = 'string' THEN nullif(btrim(s ->> 'id'), '') END;
        IF v_text IS NULL OR char_length(v_text) > 300 THEN
            probs := probs || jsonb_build_object('path', path,
                'reason', 'an identifier that is not a text of 1 to 300 characters; not loaded', 'raw', s);
            CONTINUE;
        END IF;
        ids := @extschema@.trial_ids_in(v_text);
        INSERT INTO @extschema@.trial_secondary_id (trial_id, id_text, id, id_type, domain, json_path)
        VALUES (tid, v_text, CASE WHEN cardinality(ids) = 1 THEN ids[1] END,
                CASE WHEN jsonb_typeof(s -> 'type') = 'string' THEN lower(btrim(s ->> 'type')) END,
                CASE WHEN jsonb_typeof(s -> 'domain') = 'string' THEN nullif(btrim(s ->> 'domain'), '') END, path)
        ON CONFLICT DO NOTHING;
        GET DIAGNOSTICS cnt = ROW_COUNT;
        IF cnt = 0 THEN
            probs := probs || jsonb_build_object('path', path,
                'reason', format('identifier "%s" is listed twice (or was entered by hand); the second is not loaded', v_text), 'raw', s);
        END IF;
    END LOOP;
    RETURN probs;
    END;
END
$fn$;
COMMENT ON FUNCTION @extschema@.ctgov_import_secondary_ids(jsonb, @extschema@.trial_id) IS
    'ctgov_import(), the secondary identifiers: the org study id and each secondaryIdInfos entry become trial_secondary_id rows (as a trial_id when the text is exactly one registry identifier, trial_ids_in), replacing the imported ones of the last import; returns the problems';

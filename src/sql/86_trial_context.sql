-- Registry, trial context from ClinicalTrials.gov records: secondary ids,
-- design, eligibility, sponsors, countries, references and dates
-- (filled by ctgov_import_context(), issue 13).

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

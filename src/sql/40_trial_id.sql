-- trial_id: a clinical trial registry identifier (varlena, canonical text).

CREATE TYPE @extschema@.trial_id;

CREATE FUNCTION @extschema@.trial_id_in(cstring) RETURNS @extschema@.trial_id
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.trial_id_in(cstring) IS
    'text input of trial_id: an identifier of ClinicalTrials.gov, EudraCT, EU CTIS, ISRCTN, ChiCTR, ANZCTR, CTRI, jRCT, DRKS, the WHO UTN or another WHO primary registry, in any case and with a space or hyphen after the letter prefix';
CREATE FUNCTION @extschema@.trial_id_out(@extschema@.trial_id) RETURNS cstring
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.trial_id_out(@extschema@.trial_id) IS
    'text output of trial_id: the canonical identifier, e.g. NCT01234567';
CREATE FUNCTION @extschema@.trial_id_recv(internal) RETURNS @extschema@.trial_id
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.trial_id_recv(internal) IS
    'binary input of trial_id: version byte 1, then the canonical identifier, which is checked';
CREATE FUNCTION @extschema@.trial_id_send(@extschema@.trial_id) RETURNS bytea
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.trial_id_send(@extschema@.trial_id) IS
    'binary output of trial_id: version byte 1, then the canonical identifier';

CREATE TYPE @extschema@.trial_id (
    INPUT = @extschema@.trial_id_in,
    OUTPUT = @extschema@.trial_id_out,
    RECEIVE = @extschema@.trial_id_recv,
    SEND = @extschema@.trial_id_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = int,
    STORAGE = extended
);
COMMENT ON TYPE @extschema@.trial_id IS
    'clinical trial registry identifier in canonical form (NCT01234567, 2004-000123-45, ISRCTN12345678, ChiCTR2000012345, ...); sorted by its text byte by byte';

--@ordered_type trial_id

CREATE FUNCTION @extschema@.registry(@extschema@.trial_id) RETURNS text
    AS 'MODULE_PATHNAME', 'trial_id_registry_name' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.registry(@extschema@.trial_id) IS
    'the registry that issued a trial identifier: ClinicalTrials.gov, EudraCT, EU CTIS, ISRCTN, ChiCTR, ANZCTR, CTRI, jRCT, DRKS, WHO UTN, CRiS, IRCT, PACTR, TCTR, UMIN-CTR, RPCEC, SLCTR or LBCTR';

CREATE FUNCTION @extschema@.url(@extschema@.trial_id) RETURNS text
    AS 'MODULE_PATHNAME', 'trial_id_url_of' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.url(@extschema@.trial_id) IS
    'web page of a trial: the registry''s own record page where it has a stable one, else the WHO ICTRP record; NULL for a WHO UTN, which is not a registration';

CREATE FUNCTION @extschema@.trial_ids_in(text) RETURNS @extschema@.trial_id[]
    AS 'MODULE_PATHNAME', 'trial_ids_in_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.trial_ids_in(text) IS
    'every trial registry identifier mentioned in a text, canonical, in order of first mention, each once; an empty array when there is none';

CREATE FUNCTION @extschema@.trial_registries(
    OUT registry text, OUT full_name text, OUT format text,
    OUT example @extschema@.trial_id, OUT url text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'trial_id_registries' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
    ROWS 18;
COMMENT ON FUNCTION @extschema@.trial_registries() IS
    'the registries trial_id recognises: name as registry() returns it, full name, identifier format, an example and the URL template ({id} stands for the identifier; NULL where there is no URL)';

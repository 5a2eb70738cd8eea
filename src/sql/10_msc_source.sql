-- msc_source: the tissue an MSC product comes from (one byte, by value).

CREATE TYPE @extschema@.msc_source;

CREATE FUNCTION @extschema@.msc_source_in(cstring) RETURNS @extschema@.msc_source
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.msc_source_in(cstring) IS
    'text input of msc_source: canonical labels, abbreviations (BM-MSC, AD-MSC, SVF, UC-MSC, DPSC ...) and phrases';
CREATE FUNCTION @extschema@.msc_source_out(@extschema@.msc_source) RETURNS cstring
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.msc_source_out(@extschema@.msc_source) IS
    'text output of msc_source: the canonical label';
CREATE FUNCTION @extschema@.msc_source_recv(internal) RETURNS @extschema@.msc_source
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.msc_source_recv(internal) IS
    'binary input of msc_source: one byte, the stable source code';
CREATE FUNCTION @extschema@.msc_source_send(@extschema@.msc_source) RETURNS bytea
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.msc_source_send(@extschema@.msc_source) IS
    'binary output of msc_source: one byte, the stable source code';

CREATE TYPE @extschema@.msc_source (
    INPUT = @extschema@.msc_source_in,
    OUTPUT = @extschema@.msc_source_out,
    RECEIVE = @extschema@.msc_source_recv,
    SEND = @extschema@.msc_source_send,
    INTERNALLENGTH = 1,
    PASSEDBYVALUE,
    ALIGNMENT = char,
    STORAGE = plain
);
COMMENT ON TYPE @extschema@.msc_source IS
    'source tissue of a mesenchymal stem cell product: bone_marrow, adipose, umbilical_cord, cord_blood, placenta, amniotic, dental_pulp, synovial, peripheral_blood, menstrual_blood, ipsc_derived (sorted in that order)';

--@ordered_type msc_source

CREATE FUNCTION @extschema@.label(@extschema@.msc_source) RETURNS text
    AS 'MODULE_PATHNAME', 'msc_source_label' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.label(@extschema@.msc_source) IS
    'human label of a source tissue, e.g. "Bone marrow"';

CREATE FUNCTION @extschema@.msc_sources(
    OUT label text, OUT canonical @extschema@.msc_source, OUT synonyms text[])
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'msc_source_catalogue' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
    ROWS 11;
COMMENT ON FUNCTION @extschema@.msc_sources() IS
    'the source tissues: human label, canonical value and the synonyms accepted on input';

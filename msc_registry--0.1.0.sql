-- msc_registry install script, assembled by the Makefile from src/sql/*.sql.
\echo Use "CREATE EXTENSION msc_registry" to load this file. \quit
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

-- Comparison operators, B-tree and hash operator classes of msc_source
-- (instantiated by the Makefile for every "--@ordered_type" line).

CREATE FUNCTION @extschema@.msc_source_cmp(@extschema@.msc_source, @extschema@.msc_source) RETURNS integer
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.msc_source_cmp(@extschema@.msc_source, @extschema@.msc_source) IS
    'B-tree support: -1, 0 or 1 as the first msc_source sorts before, with or after the second';
CREATE FUNCTION @extschema@.msc_source_lt(@extschema@.msc_source, @extschema@.msc_source) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.msc_source_lt(@extschema@.msc_source, @extschema@.msc_source) IS 'implementation of < for msc_source';
CREATE FUNCTION @extschema@.msc_source_le(@extschema@.msc_source, @extschema@.msc_source) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.msc_source_le(@extschema@.msc_source, @extschema@.msc_source) IS 'implementation of <= for msc_source';
CREATE FUNCTION @extschema@.msc_source_eq(@extschema@.msc_source, @extschema@.msc_source) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.msc_source_eq(@extschema@.msc_source, @extschema@.msc_source) IS 'implementation of = for msc_source';
CREATE FUNCTION @extschema@.msc_source_ne(@extschema@.msc_source, @extschema@.msc_source) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.msc_source_ne(@extschema@.msc_source, @extschema@.msc_source) IS 'implementation of <> for msc_source';
CREATE FUNCTION @extschema@.msc_source_ge(@extschema@.msc_source, @extschema@.msc_source) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.msc_source_ge(@extschema@.msc_source, @extschema@.msc_source) IS 'implementation of >= for msc_source';
CREATE FUNCTION @extschema@.msc_source_gt(@extschema@.msc_source, @extschema@.msc_source) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.msc_source_gt(@extschema@.msc_source, @extschema@.msc_source) IS 'implementation of > for msc_source';
CREATE FUNCTION @extschema@.msc_source_hash(@extschema@.msc_source) RETURNS integer
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.msc_source_hash(@extschema@.msc_source) IS 'hash support: 32-bit hash of a msc_source';
CREATE FUNCTION @extschema@.msc_source_hash_extended(@extschema@.msc_source, bigint) RETURNS bigint
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.msc_source_hash_extended(@extschema@.msc_source, bigint) IS 'hash support: seeded 64-bit hash of a msc_source';

CREATE OPERATOR @extschema@.< (
    LEFTARG = @extschema@.msc_source, RIGHTARG = @extschema@.msc_source, FUNCTION = @extschema@.msc_source_lt,
    COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
    RESTRICT = scalarltsel, JOIN = scalarltjoinsel);
COMMENT ON OPERATOR @extschema@.< (@extschema@.msc_source, @extschema@.msc_source) IS 'less than';
CREATE OPERATOR @extschema@.<= (
    LEFTARG = @extschema@.msc_source, RIGHTARG = @extschema@.msc_source, FUNCTION = @extschema@.msc_source_le,
    COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
    RESTRICT = scalarlesel, JOIN = scalarlejoinsel);
COMMENT ON OPERATOR @extschema@.<= (@extschema@.msc_source, @extschema@.msc_source) IS 'less than or equal';
CREATE OPERATOR @extschema@.= (
    LEFTARG = @extschema@.msc_source, RIGHTARG = @extschema@.msc_source, FUNCTION = @extschema@.msc_source_eq,
    COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
    RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES);
COMMENT ON OPERATOR @extschema@.= (@extschema@.msc_source, @extschema@.msc_source) IS 'equal';
CREATE OPERATOR @extschema@.<> (
    LEFTARG = @extschema@.msc_source, RIGHTARG = @extschema@.msc_source, FUNCTION = @extschema@.msc_source_ne,
    COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
    RESTRICT = neqsel, JOIN = neqjoinsel);
COMMENT ON OPERATOR @extschema@.<> (@extschema@.msc_source, @extschema@.msc_source) IS 'not equal';
CREATE OPERATOR @extschema@.>= (
    LEFTARG = @extschema@.msc_source, RIGHTARG = @extschema@.msc_source, FUNCTION = @extschema@.msc_source_ge,
    COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
    RESTRICT = scalargesel, JOIN = scalargejoinsel);
COMMENT ON OPERATOR @extschema@.>= (@extschema@.msc_source, @extschema@.msc_source) IS 'greater than or equal';
CREATE OPERATOR @extschema@.> (
    LEFTARG = @extschema@.msc_source, RIGHTARG = @extschema@.msc_source, FUNCTION = @extschema@.msc_source_gt,
    COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
    RESTRICT = scalargtsel, JOIN = scalargtjoinsel);
COMMENT ON OPERATOR @extschema@.> (@extschema@.msc_source, @extschema@.msc_source) IS 'greater than';

CREATE OPERATOR CLASS @extschema@.msc_source_ops
    DEFAULT FOR TYPE @extschema@.msc_source USING btree AS
        OPERATOR 1 @extschema@.<,
        OPERATOR 2 @extschema@.<=,
        OPERATOR 3 @extschema@.=,
        OPERATOR 4 @extschema@.>=,
        OPERATOR 5 @extschema@.>,
        FUNCTION 1 @extschema@.msc_source_cmp(@extschema@.msc_source, @extschema@.msc_source);
COMMENT ON OPERATOR CLASS @extschema@.msc_source_ops USING btree IS
    'B-tree ordering of msc_source: ORDER BY, DISTINCT, merge joins and indexes';
COMMENT ON OPERATOR FAMILY @extschema@.msc_source_ops USING btree IS 'B-tree operator family of msc_source';
CREATE OPERATOR CLASS @extschema@.msc_source_hash_ops
    DEFAULT FOR TYPE @extschema@.msc_source USING hash AS
        OPERATOR 1 @extschema@.=,
        FUNCTION 1 @extschema@.msc_source_hash(@extschema@.msc_source),
        FUNCTION 2 @extschema@.msc_source_hash_extended(@extschema@.msc_source, bigint);
COMMENT ON OPERATOR CLASS @extschema@.msc_source_hash_ops USING hash IS
    'hashing of msc_source: hash joins, hash aggregation and hash indexes';
COMMENT ON OPERATOR FAMILY @extschema@.msc_source_hash_ops USING hash IS 'hash operator family of msc_source';

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

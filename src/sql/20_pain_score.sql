-- pain_score: one score on a named instrument (8 bytes, by value), with an
-- optional type modifier pain_score(<instrument>).

CREATE TYPE @extschema@.pain_score;

CREATE FUNCTION @extschema@.pain_score_in(cstring, oid, integer) RETURNS @extschema@.pain_score
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.pain_score_in(cstring, oid, integer) IS
    'text input of pain_score: instrument:value (nrs:7, vas:45.5), also NRS 7, VAS 45 mm, VAS 4.5 cm, ODI 38%, 7/10 NRS and instrument aliases';
CREATE FUNCTION @extschema@.pain_score_out(@extschema@.pain_score) RETURNS cstring
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.pain_score_out(@extschema@.pain_score) IS
    'text output of pain_score: canonical instrument:value with the fewest decimals';
CREATE FUNCTION @extschema@.pain_score_recv(internal, oid, integer) RETURNS @extschema@.pain_score
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.pain_score_recv(internal, oid, integer) IS
    'binary input of pain_score: version byte 1, instrument code byte, value in thousandths (int4)';
CREATE FUNCTION @extschema@.pain_score_send(@extschema@.pain_score) RETURNS bytea
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.pain_score_send(@extschema@.pain_score) IS
    'binary output of pain_score: version byte 1, instrument code byte, value in thousandths (int4)';
CREATE FUNCTION @extschema@.pain_score_typmod_in(cstring[]) RETURNS integer
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.pain_score_typmod_in(cstring[]) IS
    'type modifier input of pain_score: one instrument name or alias, as in pain_score(nrs)';
CREATE FUNCTION @extschema@.pain_score_typmod_out(integer) RETURNS cstring
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.pain_score_typmod_out(integer) IS
    'type modifier output of pain_score: the instrument in parentheses, e.g. (nrs)';

CREATE TYPE @extschema@.pain_score (
    INPUT = @extschema@.pain_score_in,
    OUTPUT = @extschema@.pain_score_out,
    RECEIVE = @extschema@.pain_score_recv,
    SEND = @extschema@.pain_score_send,
    TYPMOD_IN = @extschema@.pain_score_typmod_in,
    TYPMOD_OUT = @extschema@.pain_score_typmod_out,
    INTERNALLENGTH = 8,
    PASSEDBYVALUE,
    ALIGNMENT = double,
    STORAGE = plain
);
COMMENT ON TYPE @extschema@.pain_score IS
    'one score on a named pain or function instrument (nrs:7, vas:45.5, womac_pain:12), exact to three decimals; sorted by instrument, then value; pain_score(nrs) restricts a column to one instrument';

--@ordered_type pain_score

CREATE FUNCTION @extschema@.pain_score(@extschema@.pain_score, integer, boolean) RETURNS @extschema@.pain_score
    AS 'MODULE_PATHNAME', 'pain_score_enforce_typmod' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.pain_score(@extschema@.pain_score, integer, boolean) IS
    'applies a pain_score type modifier: the score must be on that instrument';
CREATE CAST (@extschema@.pain_score AS @extschema@.pain_score)
    WITH FUNCTION @extschema@.pain_score(@extschema@.pain_score, integer, boolean) AS IMPLICIT;
COMMENT ON CAST (@extschema@.pain_score AS @extschema@.pain_score) IS
    'checks that a pain_score fits the instrument of a pain_score(instrument) column';

CREATE FUNCTION @extschema@.pain_score(instrument text, value numeric) RETURNS @extschema@.pain_score
    AS 'MODULE_PATHNAME', 'pain_score_make_sql' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.pain_score(text, numeric) IS
    'a score from an instrument name or alias and a value in the instrument''s unit (at most three decimals, never rounded)';

CREATE FUNCTION @extschema@.instrument(@extschema@.pain_score) RETURNS text
    AS 'MODULE_PATHNAME', 'pain_score_instrument' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.instrument(@extschema@.pain_score) IS
    'canonical name of the instrument of a score, e.g. nrs';

CREATE FUNCTION @extschema@.score(@extschema@.pain_score) RETURNS numeric
    AS 'MODULE_PATHNAME', 'pain_score_score' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.score(@extschema@.pain_score) IS
    'the exact value of a score in its instrument''s unit, e.g. 45.5 for vas:45.5';

CREATE FUNCTION @extschema@.severity(@extschema@.pain_score) RETURNS double precision
    AS 'MODULE_PATHNAME', 'pain_score_severity_sql' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.severity(@extschema@.pain_score) IS
    'the score on 0 to 100 where 100 is the worst, the instrument''s direction applied';

CREATE FUNCTION @extschema@.rescale(@extschema@.pain_score, instrument text) RETURNS @extschema@.pain_score
    AS 'MODULE_PATHNAME', 'pain_score_rescale_sql' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rescale(@extschema@.pain_score, text) IS
    'the score on another instrument: only between nrs and vas (vas = 10 x nrs), exact or an error';

CREATE FUNCTION @extschema@.pain_instruments(
    OUT name text, OUT label text, OUT min numeric, OUT max numeric,
    OUT higher_is_worse boolean, OUT unit text, OUT mcid numeric, OUT mcid_source text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'pain_score_catalogue' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
    ROWS 20;
COMMENT ON FUNCTION @extschema@.pain_instruments() IS
    'the pain_score instruments in sort order: name, label, range, direction, unit and minimal clinically important difference with its source';

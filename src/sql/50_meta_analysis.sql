-- Effect sizes and meta-analysis, as metafor's escalc(), rma() and rma.mh().

CREATE TYPE @extschema@.effect AS (yi double precision, vi double precision);
COMMENT ON TYPE @extschema@.effect IS
    'an effect size yi with its sampling variance vi, as metafor''s escalc() returns them';

CREATE FUNCTION @extschema@.smd(n1 integer, m1 double precision, sd1 double precision,
                                n2 integer, m2 double precision, sd2 double precision)
    RETURNS @extschema@.effect
    AS 'MODULE_PATHNAME', 'msc_smd' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.smd(integer, double precision, double precision, integer, double precision, double precision) IS
    'standardised mean difference (Hedges'' g, exact gamma-function correction) of group 1 against group 2, with metafor''s default variance';
CREATE FUNCTION @extschema@.md(n1 integer, m1 double precision, sd1 double precision,
                               n2 integer, m2 double precision, sd2 double precision)
    RETURNS @extschema@.effect
    AS 'MODULE_PATHNAME', 'msc_md' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.md(integer, double precision, double precision, integer, double precision, double precision) IS
    'raw mean difference m1 - m2 with variance sd1^2/n1 + sd2^2/n2';
CREATE FUNCTION @extschema@.rom(n1 integer, m1 double precision, sd1 double precision,
                                n2 integer, m2 double precision, sd2 double precision)
    RETURNS @extschema@.effect
    AS 'MODULE_PATHNAME', 'msc_rom' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rom(integer, double precision, double precision, integer, double precision, double precision) IS
    'log ratio of means log(m1/m2) (both means > 0) with its delta-method variance';
CREATE FUNCTION @extschema@.log_rr(a integer, n1 integer, c integer, n2 integer)
    RETURNS @extschema@.effect
    AS 'MODULE_PATHNAME', 'msc_log_rr' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.log_rr(integer, integer, integer, integer) IS
    'log risk ratio of a events in n1 against c events in n2; 1/2 added to every cell of a table with a zero cell';
CREATE FUNCTION @extschema@.log_or(a integer, b integer, c integer, d integer)
    RETURNS @extschema@.effect
    AS 'MODULE_PATHNAME', 'msc_log_or' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.log_or(integer, integer, integer, integer) IS
    'log odds ratio of the 2x2 table (a events, b non-events; c events, d non-events); 1/2 added to every cell of a table with a zero cell';
CREATE FUNCTION @extschema@.rd(a integer, n1 integer, c integer, n2 integer)
    RETURNS @extschema@.effect
    AS 'MODULE_PATHNAME', 'msc_rd' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rd(integer, integer, integer, integer) IS
    'risk difference a/n1 - c/n2; 1/2 added to every cell of a table with a zero cell';
CREATE FUNCTION @extschema@.sd_change(sd_pre double precision, sd_post double precision, r double precision)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'msc_sd_change' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sd_change(double precision, double precision, double precision) IS
    'standard deviation of change scores from the baseline and follow-up SDs and their correlation r';

CREATE TYPE @extschema@.meta_result AS (
    k integer, method text, test text,
    estimate double precision, se double precision,
    ci_low double precision, ci_high double precision,
    stat double precision, pval double precision,
    tau2 double precision, i2 double precision, h2 double precision,
    q double precision, q_df integer, q_pval double precision,
    pi_low double precision, pi_high double precision);
COMMENT ON TYPE @extschema@.meta_result IS
    'result of meta_analysis and meta_mh: pooled estimate with 95% CI and test, tau^2, I^2 (percent), H^2, Cochran''s Q, and the 95% prediction interval (NULL for FE and MH)';

-- transition machinery shared by the aggregates
CREATE FUNCTION @extschema@.meta_analysis_accum(internal, double precision, double precision)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.meta_analysis_accum(internal, double precision, double precision) IS
    'meta_analysis transition: collects one study (NULLs skipped)';
CREATE FUNCTION @extschema@.meta_analysis_accum(internal, double precision, double precision, text)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.meta_analysis_accum(internal, double precision, double precision, text) IS
    'meta_analysis transition: collects one study and the method';
CREATE FUNCTION @extschema@.meta_analysis_accum(internal, double precision, double precision, text, text)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.meta_analysis_accum(internal, double precision, double precision, text, text) IS
    'meta_analysis transition: collects one study, the method and the test';
CREATE FUNCTION @extschema@.meta_analysis_accum(internal, @extschema@.effect)
    RETURNS internal AS 'MODULE_PATHNAME', 'meta_analysis_effect_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.meta_analysis_accum(internal, @extschema@.effect) IS
    'meta_analysis transition: collects one effect (NULLs skipped)';
CREATE FUNCTION @extschema@.meta_analysis_accum(internal, @extschema@.effect, text)
    RETURNS internal AS 'MODULE_PATHNAME', 'meta_analysis_effect_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.meta_analysis_accum(internal, @extschema@.effect, text) IS
    'meta_analysis transition: collects one effect and the method';
CREATE FUNCTION @extschema@.meta_analysis_accum(internal, @extschema@.effect, text, text)
    RETURNS internal AS 'MODULE_PATHNAME', 'meta_analysis_effect_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.meta_analysis_accum(internal, @extschema@.effect, text, text) IS
    'meta_analysis transition: collects one effect, the method and the test';
CREATE FUNCTION @extschema@.meta_mh_accum(internal, integer, integer, integer, integer, text)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.meta_mh_accum(internal, integer, integer, integer, integer, text) IS
    'meta_mh transition: collects one 2x2 table (NULLs skipped) and the measure';
CREATE FUNCTION @extschema@.meta_state_combine(internal, internal)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.meta_state_combine(internal, internal) IS
    'combines two partial meta-analysis states (parallel and distributed aggregation)';
CREATE FUNCTION @extschema@.meta_state_serialize(internal)
    RETURNS bytea AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.meta_state_serialize(internal) IS
    'serialises a partial meta-analysis state for another process';
CREATE FUNCTION @extschema@.meta_state_deserialize(bytea, internal)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.meta_state_deserialize(bytea, internal) IS
    'reads a partial meta-analysis state written by meta_state_serialize';
CREATE FUNCTION @extschema@.meta_analysis_final(internal)
    RETURNS @extschema@.meta_result AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.meta_analysis_final(internal) IS
    'meta_analysis final function: pools the collected studies';
CREATE FUNCTION @extschema@.meta_mh_final(internal)
    RETURNS @extschema@.meta_result AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.meta_mh_final(internal) IS
    'meta_mh final function: Mantel-Haenszel pooling of the collected tables';

CREATE AGGREGATE @extschema@.meta_analysis(double precision, double precision) (
    SFUNC = @extschema@.meta_analysis_accum, STYPE = internal,
    FINALFUNC = @extschema@.meta_analysis_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.meta_state_combine,
    SERIALFUNC = @extschema@.meta_state_serialize, DESERIALFUNC = @extschema@.meta_state_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.meta_analysis(double precision, double precision) IS
    'meta-analysis of yi, vi: REML and z test; as metafor''s rma(), with I^2, H^2, Q and prediction interval';

CREATE AGGREGATE @extschema@.meta_analysis(double precision, double precision, text) (
    SFUNC = @extschema@.meta_analysis_accum, STYPE = internal,
    FINALFUNC = @extschema@.meta_analysis_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.meta_state_combine,
    SERIALFUNC = @extschema@.meta_state_serialize, DESERIALFUNC = @extschema@.meta_state_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.meta_analysis(double precision, double precision, text) IS
    'meta-analysis of yi, vi with method FE, DL, REML or PM; z test; as metafor''s rma(), with I^2, H^2, Q and prediction interval';

CREATE AGGREGATE @extschema@.meta_analysis(double precision, double precision, text, text) (
    SFUNC = @extschema@.meta_analysis_accum, STYPE = internal,
    FINALFUNC = @extschema@.meta_analysis_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.meta_state_combine,
    SERIALFUNC = @extschema@.meta_state_serialize, DESERIALFUNC = @extschema@.meta_state_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.meta_analysis(double precision, double precision, text, text) IS
    'meta-analysis of yi, vi with method (FE, DL, REML, PM) and test (z or knha); as metafor''s rma(), with I^2, H^2, Q and prediction interval';

CREATE AGGREGATE @extschema@.meta_analysis(@extschema@.effect) (
    SFUNC = @extschema@.meta_analysis_accum, STYPE = internal,
    FINALFUNC = @extschema@.meta_analysis_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.meta_state_combine,
    SERIALFUNC = @extschema@.meta_state_serialize, DESERIALFUNC = @extschema@.meta_state_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.meta_analysis(@extschema@.effect) IS
    'meta-analysis of effects: REML and z test; as metafor''s rma(), with I^2, H^2, Q and prediction interval';

CREATE AGGREGATE @extschema@.meta_analysis(@extschema@.effect, text) (
    SFUNC = @extschema@.meta_analysis_accum, STYPE = internal,
    FINALFUNC = @extschema@.meta_analysis_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.meta_state_combine,
    SERIALFUNC = @extschema@.meta_state_serialize, DESERIALFUNC = @extschema@.meta_state_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.meta_analysis(@extschema@.effect, text) IS
    'meta-analysis of effects with method FE, DL, REML or PM; z test; as metafor''s rma(), with I^2, H^2, Q and prediction interval';

CREATE AGGREGATE @extschema@.meta_analysis(@extschema@.effect, text, text) (
    SFUNC = @extschema@.meta_analysis_accum, STYPE = internal,
    FINALFUNC = @extschema@.meta_analysis_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.meta_state_combine,
    SERIALFUNC = @extschema@.meta_state_serialize, DESERIALFUNC = @extschema@.meta_state_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.meta_analysis(@extschema@.effect, text, text) IS
    'meta-analysis of effects with method (FE, DL, REML, PM) and test (z or knha); as metafor''s rma(), with I^2, H^2, Q and prediction interval';

CREATE AGGREGATE @extschema@.meta_mh(a integer, b integer, c integer, d integer, measure text) (
    SFUNC = @extschema@.meta_mh_accum, STYPE = internal,
    FINALFUNC = @extschema@.meta_mh_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.meta_state_combine,
    SERIALFUNC = @extschema@.meta_state_serialize, DESERIALFUNC = @extschema@.meta_state_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.meta_mh(integer, integer, integer, integer, text) IS
    'Mantel-Haenszel meta-analysis of 2x2 tables (a, b events and non-events in group 1; c, d in group 2) for measure OR, RR or RD, as metafor''s rma.mh()';

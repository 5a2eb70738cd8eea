-- Meta-regression and subgroup analysis, as metafor's rma(yi, vi, mods = ~ x),
-- predict.rma() and R meta's / RevMan's subgroup test.

CREATE TYPE @extschema@.meta_regression_result AS (
    k integer, p integer, method text, test text,
    coef double precision[], se double precision[], stat double precision[],
    pval double precision[], ci_low double precision[], ci_high double precision[],
    qm double precision, qm_df integer, qm_df2 integer, qm_pval double precision,
    qe double precision, qe_df integer, qe_pval double precision,
    tau2 double precision, i2 double precision, h2 double precision, r2 double precision,
    vcov double precision[]);
COMMENT ON TYPE @extschema@.meta_regression_result IS
    'result of meta_regression: per coefficient (intercept first, NULL for a redundant moderator) estimate, se, z or t statistic, p and 95% CI; omnibus QM test of the moderators (chi-square, or F on qm_df and qm_df2 for knha); QE test for residual heterogeneity; tau^2, I^2 and H^2 (residual), pseudo-R^2 (percent); vcov the covariance matrix of the coefficients';

CREATE TYPE @extschema@.meta_prediction AS (
    pred double precision, se double precision,
    ci_low double precision, ci_high double precision,
    pi_low double precision, pi_high double precision);
COMMENT ON TYPE @extschema@.meta_prediction IS
    'result of meta_predict: fitted value with its standard error, 95% CI and 95% prediction interval (NULL for FE), as metafor''s predict.rma()';

CREATE TYPE @extschema@.meta_subgroup_result AS (
    method text, tau2_mode text, groups text[], k integer[],
    estimate double precision[], se double precision[],
    ci_low double precision[], ci_high double precision[],
    tau2 double precision[], i2 double precision[],
    q_between double precision, df integer, pval double precision);
COMMENT ON TYPE @extschema@.meta_subgroup_result IS
    'result of meta_subgroup: per subgroup (in byte order of the names) k, pooled estimate, se, 95% CI, tau^2 and I^2; the test for subgroup differences q_between on df degrees of freedom with its p value';

CREATE FUNCTION @extschema@.meta_regression_accum(internal, double precision, double precision, double precision[])
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.meta_regression_accum(internal, double precision, double precision, double precision[]) IS
    'meta_regression transition: collects one study and its moderators (NULLs skipped)';
CREATE FUNCTION @extschema@.meta_regression_accum(internal, double precision, double precision, double precision[], text)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.meta_regression_accum(internal, double precision, double precision, double precision[], text) IS
    'meta_regression transition: collects one study, its moderators and the method';
CREATE FUNCTION @extschema@.meta_regression_accum(internal, double precision, double precision, double precision[], text, text)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.meta_regression_accum(internal, double precision, double precision, double precision[], text, text) IS
    'meta_regression transition: collects one study, its moderators, the method and the test';
CREATE FUNCTION @extschema@.meta_regression_accum(internal, @extschema@.effect, double precision[])
    RETURNS internal AS 'MODULE_PATHNAME', 'meta_regression_effect_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.meta_regression_accum(internal, @extschema@.effect, double precision[]) IS
    'meta_regression transition: collects one effect and its moderators (NULLs skipped)';
CREATE FUNCTION @extschema@.meta_regression_accum(internal, @extschema@.effect, double precision[], text)
    RETURNS internal AS 'MODULE_PATHNAME', 'meta_regression_effect_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.meta_regression_accum(internal, @extschema@.effect, double precision[], text) IS
    'meta_regression transition: collects one effect, its moderators and the method';
CREATE FUNCTION @extschema@.meta_regression_accum(internal, @extschema@.effect, double precision[], text, text)
    RETURNS internal AS 'MODULE_PATHNAME', 'meta_regression_effect_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.meta_regression_accum(internal, @extschema@.effect, double precision[], text, text) IS
    'meta_regression transition: collects one effect, its moderators, the method and the test';
CREATE FUNCTION @extschema@.meta_subgroup_accum(internal, double precision, double precision, text)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.meta_subgroup_accum(internal, double precision, double precision, text) IS
    'meta_subgroup transition: collects one study and its subgroup (NULLs skipped)';
CREATE FUNCTION @extschema@.meta_subgroup_accum(internal, double precision, double precision, text, text)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.meta_subgroup_accum(internal, double precision, double precision, text, text) IS
    'meta_subgroup transition: collects one study, its subgroup and the method';
CREATE FUNCTION @extschema@.meta_subgroup_accum(internal, double precision, double precision, text, text, text)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.meta_subgroup_accum(internal, double precision, double precision, text, text, text) IS
    'meta_subgroup transition: collects one study, its subgroup, the method and the tau^2 mode';
CREATE FUNCTION @extschema@.meta_regression_combine(internal, internal)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.meta_regression_combine(internal, internal) IS
    'combines two partial meta_regression or meta_subgroup states (parallel aggregation)';
CREATE FUNCTION @extschema@.meta_regression_serialize(internal)
    RETURNS bytea AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.meta_regression_serialize(internal) IS
    'serialises a partial meta_regression or meta_subgroup state for another process';
CREATE FUNCTION @extschema@.meta_regression_deserialize(bytea, internal)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.meta_regression_deserialize(bytea, internal) IS
    'reads a partial state written by meta_regression_serialize';
CREATE FUNCTION @extschema@.meta_regression_final(internal)
    RETURNS @extschema@.meta_regression_result AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.meta_regression_final(internal) IS
    'meta_regression final function: fits the mixed-effects model';
CREATE FUNCTION @extschema@.meta_subgroup_final(internal)
    RETURNS @extschema@.meta_subgroup_result AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.meta_subgroup_final(internal) IS
    'meta_subgroup final function: pools each subgroup and tests their differences';

CREATE FUNCTION @extschema@.meta_predict(@extschema@.meta_regression_result, double precision[])
    RETURNS @extschema@.meta_prediction AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.meta_predict(@extschema@.meta_regression_result, double precision[]) IS
    'fitted value of a meta-regression at moderator values x (one per moderator, in order), with 95% CI and prediction interval, as metafor''s predict.rma()';

CREATE AGGREGATE @extschema@.meta_regression(double precision, double precision, double precision[]) (
    SFUNC = @extschema@.meta_regression_accum, STYPE = internal,
    FINALFUNC = @extschema@.meta_regression_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.meta_regression_combine,
    SERIALFUNC = @extschema@.meta_regression_serialize, DESERIALFUNC = @extschema@.meta_regression_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.meta_regression(double precision, double precision, double precision[]) IS
    'meta-regression of yi, vi on moderators x (an intercept is added): REML and z tests, as metafor''s rma(yi, vi, mods = ~ x)';
CREATE AGGREGATE @extschema@.meta_regression(double precision, double precision, double precision[], text) (
    SFUNC = @extschema@.meta_regression_accum, STYPE = internal,
    FINALFUNC = @extschema@.meta_regression_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.meta_regression_combine,
    SERIALFUNC = @extschema@.meta_regression_serialize, DESERIALFUNC = @extschema@.meta_regression_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.meta_regression(double precision, double precision, double precision[], text) IS
    'meta-regression of yi, vi on moderators x with method FE, DL, REML or PM; z tests; as metafor''s rma(yi, vi, mods = ~ x)';
CREATE AGGREGATE @extschema@.meta_regression(double precision, double precision, double precision[], text, text) (
    SFUNC = @extschema@.meta_regression_accum, STYPE = internal,
    FINALFUNC = @extschema@.meta_regression_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.meta_regression_combine,
    SERIALFUNC = @extschema@.meta_regression_serialize, DESERIALFUNC = @extschema@.meta_regression_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.meta_regression(double precision, double precision, double precision[], text, text) IS
    'meta-regression of yi, vi on moderators x with method (FE, DL, REML, PM) and test (z, or knha: t tests and an F test for QM); as metafor''s rma(yi, vi, mods = ~ x)';
CREATE AGGREGATE @extschema@.meta_regression(@extschema@.effect, double precision[]) (
    SFUNC = @extschema@.meta_regression_accum, STYPE = internal,
    FINALFUNC = @extschema@.meta_regression_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.meta_regression_combine,
    SERIALFUNC = @extschema@.meta_regression_serialize, DESERIALFUNC = @extschema@.meta_regression_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.meta_regression(@extschema@.effect, double precision[]) IS
    'meta-regression of effects on moderators x: REML and z tests, as metafor''s rma(yi, vi, mods = ~ x)';
CREATE AGGREGATE @extschema@.meta_regression(@extschema@.effect, double precision[], text) (
    SFUNC = @extschema@.meta_regression_accum, STYPE = internal,
    FINALFUNC = @extschema@.meta_regression_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.meta_regression_combine,
    SERIALFUNC = @extschema@.meta_regression_serialize, DESERIALFUNC = @extschema@.meta_regression_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.meta_regression(@extschema@.effect, double precision[], text) IS
    'meta-regression of effects on moderators x with method FE, DL, REML or PM; z tests';
CREATE AGGREGATE @extschema@.meta_regression(@extschema@.effect, double precision[], text, text) (
    SFUNC = @extschema@.meta_regression_accum, STYPE = internal,
    FINALFUNC = @extschema@.meta_regression_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.meta_regression_combine,
    SERIALFUNC = @extschema@.meta_regression_serialize, DESERIALFUNC = @extschema@.meta_regression_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.meta_regression(@extschema@.effect, double precision[], text, text) IS
    'meta-regression of effects on moderators x with method (FE, DL, REML, PM) and test (z or knha)';

CREATE AGGREGATE @extschema@.meta_subgroup(double precision, double precision, text) (
    SFUNC = @extschema@.meta_subgroup_accum, STYPE = internal,
    FINALFUNC = @extschema@.meta_subgroup_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.meta_regression_combine,
    SERIALFUNC = @extschema@.meta_regression_serialize, DESERIALFUNC = @extschema@.meta_regression_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.meta_subgroup(double precision, double precision, text) IS
    'subgroup analysis of yi, vi by subgroup: REML within each subgroup, fixed-effect test for subgroup differences (RevMan, R meta)';
CREATE AGGREGATE @extschema@.meta_subgroup(double precision, double precision, text, text) (
    SFUNC = @extschema@.meta_subgroup_accum, STYPE = internal,
    FINALFUNC = @extschema@.meta_subgroup_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.meta_regression_combine,
    SERIALFUNC = @extschema@.meta_regression_serialize, DESERIALFUNC = @extschema@.meta_regression_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.meta_subgroup(double precision, double precision, text, text) IS
    'subgroup analysis of yi, vi by subgroup with method FE, DL, REML or PM within each subgroup';
CREATE AGGREGATE @extschema@.meta_subgroup(double precision, double precision, text, text, text) (
    SFUNC = @extschema@.meta_subgroup_accum, STYPE = internal,
    FINALFUNC = @extschema@.meta_subgroup_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.meta_regression_combine,
    SERIALFUNC = @extschema@.meta_regression_serialize, DESERIALFUNC = @extschema@.meta_regression_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.meta_subgroup(double precision, double precision, text, text, text) IS
    'subgroup analysis with method and tau2 separate (each subgroup its own tau^2; fixed-effect Q across subgroup estimates) or common (one tau^2; QM of rma(yi, vi, mods = ~ factor(subgroup)))';

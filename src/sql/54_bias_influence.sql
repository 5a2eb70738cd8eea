-- Small-study effects and influence, as metafor's regtest(), ranktest(),
-- trimfill(), leave1out(), influence() and weights().  The aggregates share
-- the transition machinery of meta_analysis (50_meta_analysis.sql).

CREATE TYPE @extschema@.egger_result AS (
    k integer, model text, stat double precision, df integer, pval double precision,
    limit_estimate double precision, limit_ci_low double precision, limit_ci_high double precision);
COMMENT ON TYPE @extschema@.egger_result IS
    'Egger''s regression test: the slope on the standard errors as a z (model rma) or t statistic (model lm, df = k - 2) with its two-sided p-value, and the intercept (the effect of an infinitely precise study) with its 95% CI; numbers NULL for fewer than 3 studies';

CREATE TYPE @extschema@.rank_result AS (k integer, tau double precision, pval double precision);
COMMENT ON TYPE @extschema@.rank_result IS
    'Begg and Mazumdar''s rank correlation test: Kendall''s tau between standardised effects and variances, two-sided p-value; NULL for fewer than 2 studies';

CREATE TYPE @extschema@.trim_fill_result AS (
    k0 integer, side text,
    k integer, method text, test text,
    estimate double precision, se double precision,
    ci_low double precision, ci_high double precision,
    stat double precision, pval double precision,
    tau2 double precision, i2 double precision, h2 double precision,
    q double precision, q_df integer, q_pval double precision,
    pi_low double precision, pi_high double precision);
COMMENT ON TYPE @extschema@.trim_fill_result IS
    'trim and fill: k0 studies filled on side left or right, then the meta_result of the k + k0 studies';

CREATE FUNCTION @extschema@.egger_test_accum(internal, double precision, double precision)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.egger_test_accum(internal, double precision, double precision) IS
    'egger_test transition: collects one study (NULLs skipped)';
CREATE FUNCTION @extschema@.egger_test_accum(internal, double precision, double precision, text)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.egger_test_accum(internal, double precision, double precision, text) IS
    'egger_test transition: collects one study and the model';
CREATE FUNCTION @extschema@.egger_test_final(internal)
    RETURNS @extschema@.egger_result AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.egger_test_final(internal) IS
    'egger_test final function: the regression test of the collected studies';
CREATE FUNCTION @extschema@.rank_test_final(internal)
    RETURNS @extschema@.rank_result AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rank_test_final(internal) IS
    'rank_test final function: the rank correlation test of the collected studies';
CREATE FUNCTION @extschema@.trim_fill_accum(internal, double precision, double precision)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.trim_fill_accum(internal, double precision, double precision) IS
    'trim_fill transition: collects one study (NULLs skipped)';
CREATE FUNCTION @extschema@.trim_fill_accum(internal, double precision, double precision, text)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.trim_fill_accum(internal, double precision, double precision, text) IS
    'trim_fill transition: collects one study and the method';
CREATE FUNCTION @extschema@.trim_fill_accum(internal, double precision, double precision, text, text)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.trim_fill_accum(internal, double precision, double precision, text, text) IS
    'trim_fill transition: collects one study, the method and the estimator';
CREATE FUNCTION @extschema@.trim_fill_accum(internal, double precision, double precision, text, text, text)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.trim_fill_accum(internal, double precision, double precision, text, text, text) IS
    'trim_fill transition: collects one study, the method, the estimator and the side';
CREATE FUNCTION @extschema@.trim_fill_final(internal)
    RETURNS @extschema@.trim_fill_result AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.trim_fill_final(internal) IS
    'trim_fill final function: trims, fills and pools the collected studies';

CREATE AGGREGATE @extschema@.egger_test(yi double precision, vi double precision) (
    SFUNC = @extschema@.egger_test_accum, STYPE = internal,
    FINALFUNC = @extschema@.egger_test_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.meta_state_combine,
    SERIALFUNC = @extschema@.meta_state_serialize, DESERIALFUNC = @extschema@.meta_state_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.egger_test(double precision, double precision) IS
    'Egger''s regression test for funnel-plot asymmetry: REML meta-regression of yi on sqrt(vi), z test, as metafor''s regtest()';
CREATE AGGREGATE @extschema@.egger_test(yi double precision, vi double precision, model text) (
    SFUNC = @extschema@.egger_test_accum, STYPE = internal,
    FINALFUNC = @extschema@.egger_test_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.meta_state_combine,
    SERIALFUNC = @extschema@.meta_state_serialize, DESERIALFUNC = @extschema@.meta_state_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.egger_test(double precision, double precision, text) IS
    'Egger''s regression test with model rma (REML meta-regression on sqrt(vi), z test) or lm (the classic weighted regression, t test), as metafor''s regtest()';

CREATE AGGREGATE @extschema@.rank_test(yi double precision, vi double precision) (
    SFUNC = @extschema@.meta_analysis_accum, STYPE = internal,
    FINALFUNC = @extschema@.rank_test_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.meta_state_combine,
    SERIALFUNC = @extschema@.meta_state_serialize, DESERIALFUNC = @extschema@.meta_state_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.rank_test(double precision, double precision) IS
    'Begg and Mazumdar''s rank correlation test for funnel-plot asymmetry, as metafor''s ranktest()';

CREATE AGGREGATE @extschema@.trim_fill(yi double precision, vi double precision) (
    SFUNC = @extschema@.trim_fill_accum, STYPE = internal,
    FINALFUNC = @extschema@.trim_fill_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.meta_state_combine,
    SERIALFUNC = @extschema@.meta_state_serialize, DESERIALFUNC = @extschema@.meta_state_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.trim_fill(double precision, double precision) IS
    'Duval and Tweedie''s trim and fill with REML and estimator L0, the side chosen as metafor''s trimfill() chooses it';
CREATE AGGREGATE @extschema@.trim_fill(yi double precision, vi double precision, method text) (
    SFUNC = @extschema@.trim_fill_accum, STYPE = internal,
    FINALFUNC = @extschema@.trim_fill_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.meta_state_combine,
    SERIALFUNC = @extschema@.meta_state_serialize, DESERIALFUNC = @extschema@.meta_state_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.trim_fill(double precision, double precision, text) IS
    'trim and fill with method FE, DL, REML or PM and estimator L0, as metafor''s trimfill()';
CREATE AGGREGATE @extschema@.trim_fill(yi double precision, vi double precision, method text, estimator text) (
    SFUNC = @extschema@.trim_fill_accum, STYPE = internal,
    FINALFUNC = @extschema@.trim_fill_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.meta_state_combine,
    SERIALFUNC = @extschema@.meta_state_serialize, DESERIALFUNC = @extschema@.meta_state_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.trim_fill(double precision, double precision, text, text) IS
    'trim and fill with method (FE, DL, REML, PM) and estimator (L0 or R0), as metafor''s trimfill()';
CREATE AGGREGATE @extschema@.trim_fill(yi double precision, vi double precision, method text, estimator text, side text) (
    SFUNC = @extschema@.trim_fill_accum, STYPE = internal,
    FINALFUNC = @extschema@.trim_fill_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.meta_state_combine,
    SERIALFUNC = @extschema@.meta_state_serialize, DESERIALFUNC = @extschema@.meta_state_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.trim_fill(double precision, double precision, text, text, text) IS
    'trim and fill with method (FE, DL, REML, PM), estimator (L0, R0) and side (left, right; NULL chooses as metafor''s trimfill())';

CREATE FUNCTION @extschema@.meta_influence(yi double precision[], vi double precision[], method text)
    RETURNS TABLE (study integer,
                   loo_estimate double precision, loo_se double precision, loo_stat double precision,
                   loo_pval double precision, loo_ci_low double precision, loo_ci_high double precision,
                   loo_q_pval double precision, loo_i2 double precision, loo_h2 double precision,
                   tau2_del double precision, qe_del double precision,
                   rstudent double precision, dffits double precision, cook_d double precision,
                   cov_r double precision, dfbetas double precision, hat double precision,
                   weight double precision, influential boolean)
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 20;
COMMENT ON FUNCTION @extschema@.meta_influence(double precision[], double precision[], text) IS
    'one row per study (its position in the arrays; NULL elements skipped): the meta-analysis with method FE, DL, REML or PM without it (metafor''s leave1out()), the influence diagnostics of metafor''s influence() and the weight in percent (weights())';
CREATE FUNCTION @extschema@.meta_influence(yi double precision[], vi double precision[])
    RETURNS TABLE (study integer,
                   loo_estimate double precision, loo_se double precision, loo_stat double precision,
                   loo_pval double precision, loo_ci_low double precision, loo_ci_high double precision,
                   loo_q_pval double precision, loo_i2 double precision, loo_h2 double precision,
                   tau2_del double precision, qe_del double precision,
                   rstudent double precision, dffits double precision, cook_d double precision,
                   cov_r double precision, dfbetas double precision, hat double precision,
                   weight double precision, influential boolean)
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 20;
COMMENT ON FUNCTION @extschema@.meta_influence(double precision[], double precision[]) IS
    'one row per study (its position in the arrays; NULL elements skipped): the REML meta-analysis without it (metafor''s leave1out()), the influence diagnostics of metafor''s influence() and the weight in percent (weights())';

-- Single-arm and rare-event statistics, as metafor 3.8-1: proportions
-- (escalc PR, PLO, PAS, PFT; rma with predict(transf = ...)).

CREATE FUNCTION @extschema@.prop(x integer, n integer)
    RETURNS @extschema@.effect
    AS 'MODULE_PATHNAME', 'msc_prop' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.prop(integer, integer) IS
    'logit of the proportion x/n with its variance, as metafor''s escalc("PLO"); 1/2 added to events and non-events of an arm with none of either';
CREATE FUNCTION @extschema@.prop(x integer, n integer, measure text)
    RETURNS @extschema@.effect
    AS 'MODULE_PATHNAME', 'msc_prop' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.prop(integer, integer, text) IS
    'the proportion x/n as metafor''s escalc() measure PR (raw), PLO (logit), PAS (arcsine) or PFT (Freeman-Tukey); PR and PLO add 1/2 to an arm with no events or no non-events';

CREATE TYPE @extschema@.meta_prop_result AS (
    k integer, method text, test text,
    estimate double precision, se double precision,
    ci_low double precision, ci_high double precision,
    stat double precision, pval double precision,
    tau2 double precision, i2 double precision, h2 double precision,
    q double precision, q_df integer, q_pval double precision,
    pi_low double precision, pi_high double precision,
    measure text, prop double precision,
    prop_ci_low double precision, prop_ci_high double precision,
    prop_pi_low double precision, prop_pi_high double precision);
COMMENT ON TYPE @extschema@.meta_prop_result IS
    'result of meta_prop: the meta_result fields on the measure''s scale, the measure, and the pooled proportion with its CI and prediction interval back-transformed (NULL prediction interval for FE)';

-- the aggregates below share meta_analysis's transition state: meta_state_combine,
-- meta_state_serialize, meta_state_deserialize (50_meta_analysis.sql)
CREATE FUNCTION @extschema@.meta_prop_accum(internal, integer, integer)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.meta_prop_accum(internal, integer, integer) IS
    'meta_prop transition: collects one arm (NULLs skipped)';
CREATE FUNCTION @extschema@.meta_prop_accum(internal, integer, integer, text)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.meta_prop_accum(internal, integer, integer, text) IS
    'meta_prop transition: collects one arm and the measure';
CREATE FUNCTION @extschema@.meta_prop_accum(internal, integer, integer, text, text)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.meta_prop_accum(internal, integer, integer, text, text) IS
    'meta_prop transition: collects one arm, the measure and the method';
CREATE FUNCTION @extschema@.meta_prop_accum(internal, integer, integer, text, text, text)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.meta_prop_accum(internal, integer, integer, text, text, text) IS
    'meta_prop transition: collects one arm, the measure, the method and the test';
CREATE FUNCTION @extschema@.meta_prop_final(internal)
    RETURNS @extschema@.meta_prop_result AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.meta_prop_final(internal) IS
    'meta_prop final function: pools the collected arms and back-transforms';

CREATE AGGREGATE @extschema@.meta_prop(x integer, n integer) (
    SFUNC = @extschema@.meta_prop_accum, STYPE = internal,
    FINALFUNC = @extschema@.meta_prop_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.meta_state_combine,
    SERIALFUNC = @extschema@.meta_state_serialize, DESERIALFUNC = @extschema@.meta_state_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.meta_prop(integer, integer) IS
    'meta-analysis of proportions x/n: logit (PLO), REML, z test, back-transformed by the inverse logit; as metafor''s rma() and predict(transf = transf.ilogit)';
CREATE AGGREGATE @extschema@.meta_prop(x integer, n integer, measure text) (
    SFUNC = @extschema@.meta_prop_accum, STYPE = internal,
    FINALFUNC = @extschema@.meta_prop_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.meta_state_combine,
    SERIALFUNC = @extschema@.meta_state_serialize, DESERIALFUNC = @extschema@.meta_state_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.meta_prop(integer, integer, text) IS
    'meta-analysis of proportions x/n on measure PR, PLO, PAS or PFT (REML, z test), back-transformed as metafor''s transf.ilogit, transf.iarcsin, transf.ipft.hm';
CREATE AGGREGATE @extschema@.meta_prop(x integer, n integer, measure text, method text) (
    SFUNC = @extschema@.meta_prop_accum, STYPE = internal,
    FINALFUNC = @extschema@.meta_prop_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.meta_state_combine,
    SERIALFUNC = @extschema@.meta_state_serialize, DESERIALFUNC = @extschema@.meta_state_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.meta_prop(integer, integer, text, text) IS
    'meta-analysis of proportions x/n on measure PR, PLO, PAS or PFT with method FE, DL, REML or PM (z test), back-transformed to the proportion scale';
CREATE AGGREGATE @extschema@.meta_prop(x integer, n integer, measure text, method text, test text) (
    SFUNC = @extschema@.meta_prop_accum, STYPE = internal,
    FINALFUNC = @extschema@.meta_prop_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.meta_state_combine,
    SERIALFUNC = @extschema@.meta_state_serialize, DESERIALFUNC = @extschema@.meta_state_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.meta_prop(integer, integer, text, text, text) IS
    'meta-analysis of proportions x/n on measure PR, PLO, PAS or PFT with method FE, DL, REML or PM and test z or knha, back-transformed to the proportion scale';

-- change from baseline within one arm (escalc MC and SMCR); follow-up minus
-- baseline, so less pain is negative
CREATE FUNCTION @extschema@.mean_change(n integer, m_pre double precision, sd_pre double precision,
                                        m_post double precision, sd_post double precision,
                                        r double precision)
    RETURNS @extschema@.effect
    AS 'MODULE_PATHNAME', 'msc_mean_change' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mean_change(integer, double precision, double precision, double precision, double precision, double precision) IS
    'raw mean change m_post - m_pre of one arm (negative = less pain) with variance (sd_pre^2 + sd_post^2 - 2 r sd_pre sd_post)/n, as metafor''s escalc("MC")';
CREATE FUNCTION @extschema@.smcr(n integer, m_pre double precision, sd_pre double precision,
                                 m_post double precision, r double precision)
    RETURNS @extschema@.effect
    AS 'MODULE_PATHNAME', 'msc_smcr' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.smcr(integer, double precision, double precision, double precision, double precision) IS
    'standardised mean change (m_post - m_pre)/sd_pre of one arm with the exact bias correction J(n - 1) and variance 2(1 - r)/n + yi^2/(2n), as metafor''s escalc("SMCR"); negative = less pain';

-- continuity corrections as escalc's add, to and drop00 (new overloads; the
-- four-argument forms keep escalc's defaults)
CREATE FUNCTION @extschema@.log_or(a integer, b integer, c integer, d integer,
                                   add double precision, "to" text DEFAULT 'only0',
                                   drop00 boolean DEFAULT false)
    RETURNS @extschema@.effect
    AS 'MODULE_PATHNAME', 'msc_log_or_cc' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.log_or(integer, integer, integer, integer, double precision, text, boolean) IS
    'log odds ratio of the 2x2 table with escalc''s continuity correction: add to the cells of a table with a zero cell (to only0), of every table (all, if0all) or none; NULL when drop00 drops a table without events or non-events in both groups';
CREATE FUNCTION @extschema@.log_rr(a integer, n1 integer, c integer, n2 integer,
                                   add double precision, "to" text DEFAULT 'only0',
                                   drop00 boolean DEFAULT false)
    RETURNS @extschema@.effect
    AS 'MODULE_PATHNAME', 'msc_log_rr_cc' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.log_rr(integer, integer, integer, integer, double precision, text, boolean) IS
    'log risk ratio of a events in n1 against c in n2 with escalc''s continuity correction add, to (only0, all, if0all, none) and drop00 (NULL when dropped)';
CREATE FUNCTION @extschema@.rd(a integer, n1 integer, c integer, n2 integer,
                               add double precision, "to" text DEFAULT 'only0',
                               drop00 boolean DEFAULT false)
    RETURNS @extschema@.effect
    AS 'MODULE_PATHNAME', 'msc_rd_cc' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rd(integer, integer, integer, integer, double precision, text, boolean) IS
    'risk difference a/n1 - c/n2 with escalc''s continuity correction add, to (only0, all, if0all, none) and drop00 (NULL when dropped)';

CREATE FUNCTION @extschema@.meta_mh_cc_accum(internal, integer, integer, integer, integer, text,
                                             double precision, text, boolean)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.meta_mh_cc_accum(internal, integer, integer, integer, integer, text, double precision, text, boolean) IS
    'meta_mh transition with continuity-correction options: collects one 2x2 table (NULLs skipped), the measure, add, to and drop00';
CREATE FUNCTION @extschema@.meta_mh_cc_final(internal)
    RETURNS @extschema@.meta_result AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.meta_mh_cc_final(internal) IS
    'meta_mh final function with continuity-correction options: Mantel-Haenszel pooling, Q from the corrected studies';
CREATE AGGREGATE @extschema@.meta_mh(a integer, b integer, c integer, d integer, measure text,
                                     add double precision, "to" text, drop00 boolean) (
    SFUNC = @extschema@.meta_mh_cc_accum, STYPE = internal,
    FINALFUNC = @extschema@.meta_mh_cc_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.meta_state_combine,
    SERIALFUNC = @extschema@.meta_state_serialize, DESERIALFUNC = @extschema@.meta_state_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.meta_mh(integer, integer, integer, integer, text, double precision, text, boolean) IS
    'Mantel-Haenszel meta-analysis as rma.mh(add = , to = , drop00 = ): the estimate from the tables as they are, Cochran''s Q, I^2 and H^2 from the studies'' effects under the continuity correction';

-- Peto's method (rma.peto)
CREATE FUNCTION @extschema@.meta_peto_accum(internal, integer, integer, integer, integer)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.meta_peto_accum(internal, integer, integer, integer, integer) IS
    'meta_peto transition: collects one 2x2 table (NULLs skipped)';
CREATE FUNCTION @extschema@.meta_peto_final(internal)
    RETURNS @extschema@.meta_result AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.meta_peto_final(internal) IS
    'meta_peto final function: Peto''s one-step log odds ratio of the collected tables';
CREATE AGGREGATE @extschema@.meta_peto(a integer, b integer, c integer, d integer) (
    SFUNC = @extschema@.meta_peto_accum, STYPE = internal,
    FINALFUNC = @extschema@.meta_peto_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.meta_state_combine,
    SERIALFUNC = @extschema@.meta_state_serialize, DESERIALFUNC = @extschema@.meta_state_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.meta_peto(integer, integer, integer, integer) IS
    'Peto''s log odds ratio of 2x2 tables (a, b events and non-events in group 1; c, d in group 2) with 95% CI, z test, Cochran''s Q, I^2 and H^2, as metafor''s rma.peto()';

-- mean and SD from medians, quartiles and ranges; SD from t or p; the
-- correlation implied by a change SD
CREATE TYPE @extschema@.mean_sd_estimate AS (mean double precision, sd double precision, method text);
COMMENT ON TYPE @extschema@.mean_sd_estimate IS
    'a mean and SD estimated from a median with quartiles and/or range, and the estimators used';
CREATE FUNCTION @extschema@.mean_sd_from_quartiles(q1 double precision, median double precision,
                                                   q3 double precision, n integer)
    RETURNS @extschema@.mean_sd_estimate
    AS 'MODULE_PATHNAME', 'msc_mean_sd_from_quartiles' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mean_sd_from_quartiles(double precision, double precision, double precision, integer) IS
    'mean (Luo et al. 2018) and SD (Wan et al. 2014: IQR / (2 Phi^-1((0.75n - 0.125)/(n + 0.25)))) from the median and quartiles of n >= 2 values';
CREATE FUNCTION @extschema@.mean_sd_from_range(min double precision, median double precision,
                                               max double precision, n integer)
    RETURNS @extschema@.mean_sd_estimate
    AS 'MODULE_PATHNAME', 'msc_mean_sd_from_range' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mean_sd_from_range(double precision, double precision, double precision, integer) IS
    'mean (Luo et al. 2018) and SD (Wan et al. 2014: range / (2 Phi^-1((n - 0.375)/(n + 0.25)))) from the median and range of n >= 2 values';
CREATE FUNCTION @extschema@.mean_sd_from_fivenum(min double precision, q1 double precision,
                                                 median double precision, q3 double precision,
                                                 max double precision, n integer)
    RETURNS @extschema@.mean_sd_estimate
    AS 'MODULE_PATHNAME', 'msc_mean_sd_from_fivenum' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mean_sd_from_fivenum(double precision, double precision, double precision, double precision, double precision, integer) IS
    'mean (Luo et al. 2018) and SD (Shi et al. 2020) from the minimum, quartiles, median and maximum of n >= 2 values';
CREATE FUNCTION @extschema@.sd_from_t(t double precision, n1 integer, n2 integer,
                                      mean_difference double precision)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'msc_sd_from_t' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sd_from_t(double precision, integer, integer, double precision) IS
    'the SD of two groups whose mean difference gave the t statistic t: |md/t| / sqrt(1/n1 + 1/n2) (Cochrane Handbook 6.5.2.3)';
CREATE FUNCTION @extschema@.sd_from_p(p double precision, n1 integer, n2 integer,
                                      mean_difference double precision)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'msc_sd_from_p' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sd_from_p(double precision, integer, integer, double precision) IS
    'the SD of two groups whose mean difference gave the two-sided p value p of a t test on n1 + n2 - 2 degrees of freedom (Cochrane Handbook 6.5.2.3)';
CREATE FUNCTION @extschema@.r_from_sd_change(sd_pre double precision, sd_post double precision,
                                             sd_change double precision)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'msc_r_from_sd_change' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.r_from_sd_change(double precision, double precision, double precision) IS
    'the pre-post correlation implied by a reported change SD: (sd_pre^2 + sd_post^2 - sd_change^2)/(2 sd_pre sd_post) (Cochrane Handbook 6.5.2.8), for sd_change and mean_change';

-- intervals at another level (new overloads: aggregates take no defaults)
CREATE TYPE @extschema@.meta_interval_result AS (
    k integer, method text, test text,
    estimate double precision, se double precision,
    ci_low double precision, ci_high double precision,
    stat double precision, pval double precision,
    tau2 double precision, i2 double precision, h2 double precision,
    q double precision, q_df integer, q_pval double precision,
    pi_low double precision, pi_high double precision,
    level double precision, pi_type text,
    tau2_ci_low double precision, tau2_ci_high double precision,
    i2_ci_low double precision, i2_ci_high double precision,
    h2_ci_low double precision, h2_ci_high double precision);
COMMENT ON TYPE @extschema@.meta_interval_result IS
    'result of meta_analysis with a level: the meta_result fields with CI and prediction interval at that level, the level, the prediction interval type, and Q-profile CIs for tau^2, I^2 and H^2 (NULL for FE or one study)';
CREATE FUNCTION @extschema@.meta_level_accum(internal, double precision, double precision, text, text, double precision)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.meta_level_accum(internal, double precision, double precision, text, text, double precision) IS
    'meta_analysis transition with a level: collects one study (NULLs skipped), the method, test and level';
CREATE FUNCTION @extschema@.meta_level_accum(internal, double precision, double precision, text, text, double precision, text)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.meta_level_accum(internal, double precision, double precision, text, text, double precision, text) IS
    'meta_analysis transition with a level: collects one study (NULLs skipped), the method, test, level and prediction interval type';
CREATE FUNCTION @extschema@.meta_level_final(internal)
    RETURNS @extschema@.meta_interval_result AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.meta_level_final(internal) IS
    'meta_analysis final function with a level: pools, intervals at the level, Q-profile heterogeneity intervals';
CREATE AGGREGATE @extschema@.meta_analysis(yi double precision, vi double precision, method text, test text,
                                           level double precision) (
    SFUNC = @extschema@.meta_level_accum, STYPE = internal,
    FINALFUNC = @extschema@.meta_level_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.meta_state_combine,
    SERIALFUNC = @extschema@.meta_state_serialize, DESERIALFUNC = @extschema@.meta_state_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.meta_analysis(double precision, double precision, text, text, double precision) IS
    'meta-analysis of yi, vi with method, test and confidence level (percent): as rma(level = ), predict() and confint() (Q-profile CIs for tau^2, I^2, H^2)';
CREATE AGGREGATE @extschema@.meta_analysis(yi double precision, vi double precision, method text, test text,
                                           level double precision, pi_type text) (
    SFUNC = @extschema@.meta_level_accum, STYPE = internal,
    FINALFUNC = @extschema@.meta_level_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.meta_state_combine,
    SERIALFUNC = @extschema@.meta_state_serialize, DESERIALFUNC = @extschema@.meta_state_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.meta_analysis(double precision, double precision, text, text, double precision, text) IS
    'meta-analysis of yi, vi with method, test, level and prediction interval type (default, simple, t, riley) as predict(pi.type = ); Q-profile CIs for tau^2, I^2, H^2';

-- the same over effect (yi, vi), as the effect overloads of meta_analysis
CREATE FUNCTION @extschema@.meta_level_accum(internal, @extschema@.effect, text, text, double precision)
    RETURNS internal AS 'MODULE_PATHNAME', 'meta_level_effect_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.meta_level_accum(internal, @extschema@.effect, text, text, double precision) IS
    'meta_analysis transition with a level: collects one effect (NULLs skipped), the method, test and level';
CREATE FUNCTION @extschema@.meta_level_accum(internal, @extschema@.effect, text, text, double precision, text)
    RETURNS internal AS 'MODULE_PATHNAME', 'meta_level_effect_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.meta_level_accum(internal, @extschema@.effect, text, text, double precision, text) IS
    'meta_analysis transition with a level: collects one effect (NULLs skipped), the method, test, level and prediction interval type';
CREATE AGGREGATE @extschema@.meta_analysis(effect @extschema@.effect, method text, test text, level double precision) (
    SFUNC = @extschema@.meta_level_accum, STYPE = internal,
    FINALFUNC = @extschema@.meta_level_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.meta_state_combine,
    SERIALFUNC = @extschema@.meta_state_serialize, DESERIALFUNC = @extschema@.meta_state_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.meta_analysis(@extschema@.effect, text, text, double precision) IS
    'meta-analysis of effects with method, test and confidence level (percent): as rma(level = ), predict() and confint() (Q-profile CIs for tau^2, I^2, H^2)';
CREATE AGGREGATE @extschema@.meta_analysis(effect @extschema@.effect, method text, test text, level double precision,
                                           pi_type text) (
    SFUNC = @extschema@.meta_level_accum, STYPE = internal,
    FINALFUNC = @extschema@.meta_level_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.meta_state_combine,
    SERIALFUNC = @extschema@.meta_state_serialize, DESERIALFUNC = @extschema@.meta_state_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.meta_analysis(@extschema@.effect, text, text, double precision, text) IS
    'meta-analysis of effects with method, test, level and prediction interval type (default, simple, t, riley) as predict(pi.type = ); Q-profile CIs for tau^2, I^2, H^2';

CREATE FUNCTION @extschema@.meta_mh_cc_accum(internal, integer, integer, integer, integer, text, double precision)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.meta_mh_cc_accum(internal, integer, integer, integer, integer, text, double precision) IS
    'meta_mh transition with a level: collects one 2x2 table (NULLs skipped), the measure and the level';
CREATE AGGREGATE @extschema@.meta_mh(a integer, b integer, c integer, d integer, measure text, level double precision) (
    SFUNC = @extschema@.meta_mh_cc_accum, STYPE = internal,
    FINALFUNC = @extschema@.meta_mh_cc_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.meta_state_combine,
    SERIALFUNC = @extschema@.meta_state_serialize, DESERIALFUNC = @extschema@.meta_state_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.meta_mh(integer, integer, integer, integer, text, double precision) IS
    'Mantel-Haenszel meta-analysis for measure OR, RR or RD with the CI at level percent, as rma.mh(level = )';

CREATE FUNCTION @extschema@.meta_peto_accum(internal, integer, integer, integer, integer, double precision)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.meta_peto_accum(internal, integer, integer, integer, integer, double precision) IS
    'meta_peto transition with a level: collects one 2x2 table (NULLs skipped) and the level';
CREATE AGGREGATE @extschema@.meta_peto(a integer, b integer, c integer, d integer, level double precision) (
    SFUNC = @extschema@.meta_peto_accum, STYPE = internal,
    FINALFUNC = @extschema@.meta_peto_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.meta_state_combine,
    SERIALFUNC = @extschema@.meta_state_serialize, DESERIALFUNC = @extschema@.meta_state_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.meta_peto(integer, integer, integer, integer, double precision) IS
    'Peto''s log odds ratio of 2x2 tables with the CI at level percent, as rma.peto(level = )';

CREATE FUNCTION @extschema@.meta_prop_accum(internal, integer, integer, text, text, text, double precision)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.meta_prop_accum(internal, integer, integer, text, text, text, double precision) IS
    'meta_prop transition with a level: collects one arm, the measure, method, test and level';
CREATE AGGREGATE @extschema@.meta_prop(x integer, n integer, measure text, method text, test text,
                                       level double precision) (
    SFUNC = @extschema@.meta_prop_accum, STYPE = internal,
    FINALFUNC = @extschema@.meta_prop_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.meta_state_combine,
    SERIALFUNC = @extschema@.meta_state_serialize, DESERIALFUNC = @extschema@.meta_state_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.meta_prop(integer, integer, text, text, text, double precision) IS
    'meta-analysis of proportions with measure, method, test and the CI and prediction interval at level percent, back-transformed to the proportion scale';

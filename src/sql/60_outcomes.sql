-- Outcome statistics on pain_score: arm summaries, change from baseline,
-- responder rules, proportions with Wilson intervals, and time courses
-- (SPID, TOTPAR, area under the pain curve).

-- ---- per participant ----

CREATE FUNCTION @extschema@.improvement(baseline @extschema@.pain_score, followup @extschema@.pain_score)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'outcome_improvement' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.improvement(@extschema@.pain_score, @extschema@.pain_score) IS
    'improvement from baseline to follow-up in the instrument''s unit, positive when the follow-up is better (direction applied); both scores on one instrument';

CREATE FUNCTION @extschema@.pct_improvement(baseline @extschema@.pain_score, followup @extschema@.pain_score)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'outcome_pct_improvement' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.pct_improvement(@extschema@.pain_score, @extschema@.pain_score) IS
    'percent improvement 100 * (severity(baseline) - severity(followup)) / severity(baseline); NULL when the baseline severity is 0';

CREATE FUNCTION @extschema@.is_responder(baseline @extschema@.pain_score, followup @extschema@.pain_score,
                                         min_pct double precision DEFAULT 30,
                                         min_points double precision DEFAULT 0)
    RETURNS boolean
    AS 'MODULE_PATHNAME', 'outcome_is_responder' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.is_responder(@extschema@.pain_score, @extschema@.pain_score, double precision, double precision) IS
    'responder: pct_improvement >= min_pct (default 30, IMMPACT moderate; 50 substantial) and improvement >= min_points in the instrument''s unit (default 0); NULL when the baseline severity is 0';

CREATE FUNCTION @extschema@.mcid_reached(baseline @extschema@.pain_score, followup @extschema@.pain_score)
    RETURNS boolean
    AS 'MODULE_PATHNAME', 'outcome_mcid_reached' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mcid_reached(@extschema@.pain_score, @extschema@.pain_score) IS
    'whether the improvement reaches the instrument''s minimal clinically important difference (see pain_instruments()); NULL for an instrument without one';

CREATE FUNCTION @extschema@.oarsi_responder(pain_b @extschema@.pain_score, pain_f @extschema@.pain_score,
                                            function_b @extschema@.pain_score, function_f @extschema@.pain_score,
                                            global_b @extschema@.pain_score, global_f @extschema@.pain_score)
    RETURNS boolean
    AS 'MODULE_PATHNAME', 'outcome_oarsi_responder' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.oarsi_responder(@extschema@.pain_score, @extschema@.pain_score, @extschema@.pain_score, @extschema@.pain_score, @extschema@.pain_score, @extschema@.pain_score) IS
    'OMERACT-OARSI responder (Pham 2004) on the 0-100 severity scale: pain or function improves >= 50% and >= 20 points, or two of pain, function and patient global improve >= 20% and >= 10 points; NULL if any score is NULL';

-- ---- score_summary ----

CREATE TYPE @extschema@.score_summary_result AS (
    instrument text, n bigint, mean double precision, sd double precision,
    se double precision, min double precision, max double precision);
COMMENT ON TYPE @extschema@.score_summary_result IS
    'result of score_summary: instrument (NULL for plain numbers), count, mean, sample SD, standard error, minimum and maximum in the instrument''s unit';

CREATE FUNCTION @extschema@.score_summary_accum(internal, @extschema@.pain_score)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.score_summary_accum(internal, @extschema@.pain_score) IS
    'score_summary transition: adds one score (NULLs skipped; one instrument per group)';
CREATE FUNCTION @extschema@.score_summary_accum(internal, double precision)
    RETURNS internal AS 'MODULE_PATHNAME', 'score_summary_float8_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.score_summary_accum(internal, double precision) IS
    'score_summary transition: adds one value (NULLs skipped; NaN and infinity rejected)';
CREATE FUNCTION @extschema@.score_summary_combine(internal, internal)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.score_summary_combine(internal, internal) IS
    'combines two partial score_summary states (Chan''s parallel update)';
CREATE FUNCTION @extschema@.score_summary_serialize(internal)
    RETURNS bytea AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.score_summary_serialize(internal) IS
    'serialises a partial score_summary state for another process';
CREATE FUNCTION @extschema@.score_summary_deserialize(bytea, internal)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.score_summary_deserialize(bytea, internal) IS
    'reads a partial score_summary state written by score_summary_serialize';
CREATE FUNCTION @extschema@.score_summary_final(internal)
    RETURNS @extschema@.score_summary_result AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.score_summary_final(internal) IS
    'score_summary final function: n, mean, SD, SE, min and max (NULL numbers for no rows, NULL SD and SE for one)';

CREATE AGGREGATE @extschema@.score_summary(@extschema@.pain_score) (
    SFUNC = @extschema@.score_summary_accum, STYPE = internal, SSPACE = 48,
    FINALFUNC = @extschema@.score_summary_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.score_summary_combine,
    SERIALFUNC = @extschema@.score_summary_serialize, DESERIALFUNC = @extschema@.score_summary_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.score_summary(@extschema@.pain_score) IS
    'summary of scores on one instrument: instrument, n, mean, sample SD, SE, min, max in the instrument''s unit; mixing instruments is an error';

CREATE AGGREGATE @extschema@.score_summary(double precision) (
    SFUNC = @extschema@.score_summary_accum, STYPE = internal, SSPACE = 48,
    FINALFUNC = @extschema@.score_summary_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.score_summary_combine,
    SERIALFUNC = @extschema@.score_summary_serialize, DESERIALFUNC = @extschema@.score_summary_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.score_summary(double precision) IS
    'summary of plain numbers (e.g. severity()): n, mean, sample SD, SE, min, max; instrument NULL';

-- ---- change_summary ----

CREATE TYPE @extschema@.change_summary_result AS (
    n bigint, mean_baseline double precision, mean_followup double precision,
    mean_improvement double precision, sd_improvement double precision,
    mean_pct_improvement double precision, responders_30 bigint, responders_50 bigint);
COMMENT ON TYPE @extschema@.change_summary_result IS
    'result of change_summary: pairs, mean baseline and follow-up, mean and SD of improvement (instrument''s unit, positive is better), mean percent improvement, responders at 30% and 50%';

CREATE FUNCTION @extschema@.change_summary_accum(internal, @extschema@.pain_score, @extschema@.pain_score)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.change_summary_accum(internal, @extschema@.pain_score, @extschema@.pain_score) IS
    'change_summary transition: adds one baseline/follow-up pair (pairs with a NULL skipped; one instrument per group)';
CREATE FUNCTION @extschema@.change_summary_combine(internal, internal)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.change_summary_combine(internal, internal) IS
    'combines two partial change_summary states';
CREATE FUNCTION @extschema@.change_summary_serialize(internal)
    RETURNS bytea AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.change_summary_serialize(internal) IS
    'serialises a partial change_summary state for another process';
CREATE FUNCTION @extschema@.change_summary_deserialize(bytea, internal)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.change_summary_deserialize(bytea, internal) IS
    'reads a partial change_summary state written by change_summary_serialize';
CREATE FUNCTION @extschema@.change_summary_final(internal)
    RETURNS @extschema@.change_summary_result AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.change_summary_final(internal) IS
    'change_summary final function (n = 0, NULL means and 0 responders for no pairs)';

CREATE AGGREGATE @extschema@.change_summary(baseline @extschema@.pain_score, followup @extschema@.pain_score) (
    SFUNC = @extschema@.change_summary_accum, STYPE = internal, SSPACE = 184,
    FINALFUNC = @extschema@.change_summary_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.change_summary_combine,
    SERIALFUNC = @extschema@.change_summary_serialize, DESERIALFUNC = @extschema@.change_summary_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.change_summary(@extschema@.pain_score, @extschema@.pain_score) IS
    'change from baseline over participants on one instrument: n, mean baseline, mean follow-up, mean and SD of improvement, mean percent improvement, responders at 30% and 50% (is_responder)';

-- ---- proportions ----

CREATE TYPE @extschema@.proportion_result AS (
    x bigint, n bigint, p double precision, ci_low double precision, ci_high double precision);
COMMENT ON TYPE @extschema@.proportion_result IS
    'a proportion x/n with its Wilson score confidence interval';

CREATE FUNCTION @extschema@.wilson_ci(x bigint, n bigint, level double precision DEFAULT 0.95)
    RETURNS @extschema@.proportion_result
    AS 'MODULE_PATHNAME', 'outcome_wilson_ci' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.wilson_ci(bigint, bigint, double precision) IS
    'Wilson score interval for x successes in n trials at the given level (default 0.95), as R''s prop.test(x, n, correct = FALSE), clamped to [0, 1]';

CREATE FUNCTION @extschema@.proportion_ci_accum(internal, boolean)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.proportion_ci_accum(internal, boolean) IS
    'proportion_ci transition: counts one true or false (NULLs skipped)';
CREATE FUNCTION @extschema@.proportion_ci_combine(internal, internal)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.proportion_ci_combine(internal, internal) IS
    'combines two partial proportion_ci counts';
CREATE FUNCTION @extschema@.proportion_ci_serialize(internal)
    RETURNS bytea AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.proportion_ci_serialize(internal) IS
    'serialises partial proportion_ci counts for another process';
CREATE FUNCTION @extschema@.proportion_ci_deserialize(bytea, internal)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.proportion_ci_deserialize(bytea, internal) IS
    'reads partial proportion_ci counts written by proportion_ci_serialize';
CREATE FUNCTION @extschema@.proportion_ci_final(internal)
    RETURNS @extschema@.proportion_result AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.proportion_ci_final(internal) IS
    'proportion_ci final function: Wilson 95% interval (n = 0 and NULL p and interval for no rows)';

CREATE AGGREGATE @extschema@.proportion_ci(boolean) (
    SFUNC = @extschema@.proportion_ci_accum, STYPE = internal, SSPACE = 16,
    FINALFUNC = @extschema@.proportion_ci_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.proportion_ci_combine,
    SERIALFUNC = @extschema@.proportion_ci_serialize, DESERIALFUNC = @extschema@.proportion_ci_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.proportion_ci(boolean) IS
    'proportion of true values with its Wilson 95% interval (NULLs skipped)';

-- ---- time courses ----

CREATE FUNCTION @extschema@.spid_accum(internal, double precision, @extschema@.pain_score)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.spid_accum(internal, double precision, @extschema@.pain_score) IS
    'spid transition: collects one (time, score) assessment (NULLs skipped)';
CREATE FUNCTION @extschema@.spid_accum(internal, double precision, @extschema@.pain_score, text)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.spid_accum(internal, double precision, @extschema@.pain_score, text) IS
    'spid transition: collects one (time, score) assessment and the method';
CREATE FUNCTION @extschema@.spid_accum(internal, double precision, double precision)
    RETURNS internal AS 'MODULE_PATHNAME', 'spid_float8_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.spid_accum(internal, double precision, double precision) IS
    'spid transition: collects one (time, pain intensity) assessment (NULLs skipped)';
CREATE FUNCTION @extschema@.spid_accum(internal, double precision, double precision, text)
    RETURNS internal AS 'MODULE_PATHNAME', 'spid_float8_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.spid_accum(internal, double precision, double precision, text) IS
    'spid transition: collects one (time, pain intensity) assessment and the method';
CREATE FUNCTION @extschema@.totpar_accum(internal, double precision, @extschema@.pain_score)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.totpar_accum(internal, double precision, @extschema@.pain_score) IS
    'totpar transition: collects one (time, pain_relief) assessment (NULLs skipped)';
CREATE FUNCTION @extschema@.totpar_accum(internal, double precision, @extschema@.pain_score, text)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.totpar_accum(internal, double precision, @extschema@.pain_score, text) IS
    'totpar transition: collects one (time, pain_relief) assessment and the method';
CREATE FUNCTION @extschema@.pain_auc_accum(internal, double precision, @extschema@.pain_score)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.pain_auc_accum(internal, double precision, @extschema@.pain_score) IS
    'pain_auc transition: collects one (time, score) assessment (NULLs skipped)';
CREATE FUNCTION @extschema@.pain_auc_accum(internal, double precision, double precision)
    RETURNS internal AS 'MODULE_PATHNAME', 'pain_auc_float8_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.pain_auc_accum(internal, double precision, double precision) IS
    'pain_auc transition: collects one (time, value) assessment (NULLs skipped)';
CREATE FUNCTION @extschema@.timecourse_combine(internal, internal)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.timecourse_combine(internal, internal) IS
    'combines two partial time courses (spid, totpar, pain_auc)';
CREATE FUNCTION @extschema@.timecourse_serialize(internal)
    RETURNS bytea AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.timecourse_serialize(internal) IS
    'serialises a partial time course for another process';
CREATE FUNCTION @extschema@.timecourse_deserialize(bytea, internal)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.timecourse_deserialize(bytea, internal) IS
    'reads a partial time course written by timecourse_serialize';
CREATE FUNCTION @extschema@.spid_final(internal)
    RETURNS double precision AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.spid_final(internal) IS
    'spid final function: sorts the assessments by time and sums the pain intensity differences (NULL for fewer than two)';
CREATE FUNCTION @extschema@.totpar_final(internal)
    RETURNS double precision AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.totpar_final(internal) IS
    'totpar final function: sorts the assessments by time and sums the pain relief (NULL for fewer than two)';
CREATE FUNCTION @extschema@.pain_auc_final(internal)
    RETURNS double precision AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.pain_auc_final(internal) IS
    'pain_auc final function: sorts the assessments by time and integrates with the trapezoid rule (NULL for fewer than two)';

CREATE AGGREGATE @extschema@.spid(t double precision, score @extschema@.pain_score) (
    SFUNC = @extschema@.spid_accum, STYPE = internal,
    FINALFUNC = @extschema@.spid_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.timecourse_combine,
    SERIALFUNC = @extschema@.timecourse_serialize, DESERIALFUNC = @extschema@.timecourse_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.spid(double precision, @extschema@.pain_score) IS
    'summed pain intensity difference of one participant''s time course, trapezoid method: area under PID_i = PI_0 - PI_i (direction applied) from the earliest time; NULL for fewer than two assessments';

CREATE AGGREGATE @extschema@.spid(t double precision, score @extschema@.pain_score, method text) (
    SFUNC = @extschema@.spid_accum, STYPE = internal,
    FINALFUNC = @extschema@.spid_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.timecourse_combine,
    SERIALFUNC = @extschema@.timecourse_serialize, DESERIALFUNC = @extschema@.timecourse_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.spid(double precision, @extschema@.pain_score, text) IS
    'summed pain intensity difference of one participant''s time course: method ''trapezoid'' (area under PID) or ''rect'' (sum of PID_i * (t_i - t_{i-1})); NULL for fewer than two assessments';

CREATE AGGREGATE @extschema@.spid(t double precision, score double precision) (
    SFUNC = @extschema@.spid_accum, STYPE = internal,
    FINALFUNC = @extschema@.spid_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.timecourse_combine,
    SERIALFUNC = @extschema@.timecourse_serialize, DESERIALFUNC = @extschema@.timecourse_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.spid(double precision, double precision) IS
    'summed pain intensity difference of plain pain intensities (higher is worse), trapezoid method; NULL for fewer than two assessments';

CREATE AGGREGATE @extschema@.spid(t double precision, score double precision, method text) (
    SFUNC = @extschema@.spid_accum, STYPE = internal,
    FINALFUNC = @extschema@.spid_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.timecourse_combine,
    SERIALFUNC = @extschema@.timecourse_serialize, DESERIALFUNC = @extschema@.timecourse_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.spid(double precision, double precision, text) IS
    'summed pain intensity difference of plain pain intensities (higher is worse), method ''trapezoid'' or ''rect''; NULL for fewer than two assessments';

CREATE AGGREGATE @extschema@.totpar(t double precision, relief @extschema@.pain_score) (
    SFUNC = @extschema@.totpar_accum, STYPE = internal,
    FINALFUNC = @extschema@.totpar_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.timecourse_combine,
    SERIALFUNC = @extschema@.timecourse_serialize, DESERIALFUNC = @extschema@.timecourse_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.totpar(double precision, @extschema@.pain_score) IS
    'total pain relief of one participant''s pain_relief time course, trapezoid method (area under relief from the earliest time); NULL for fewer than two assessments';

CREATE AGGREGATE @extschema@.totpar(t double precision, relief @extschema@.pain_score, method text) (
    SFUNC = @extschema@.totpar_accum, STYPE = internal,
    FINALFUNC = @extschema@.totpar_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.timecourse_combine,
    SERIALFUNC = @extschema@.timecourse_serialize, DESERIALFUNC = @extschema@.timecourse_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.totpar(double precision, @extschema@.pain_score, text) IS
    'total pain relief of one participant''s pain_relief time course: method ''trapezoid'' or ''rect'' (sum of R_i * (t_i - t_{i-1})); NULL for fewer than two assessments';

CREATE AGGREGATE @extschema@.pain_auc(t double precision, score @extschema@.pain_score) (
    SFUNC = @extschema@.pain_auc_accum, STYPE = internal,
    FINALFUNC = @extschema@.pain_auc_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.timecourse_combine,
    SERIALFUNC = @extschema@.timecourse_serialize, DESERIALFUNC = @extschema@.timecourse_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.pain_auc(double precision, @extschema@.pain_score) IS
    'area under one participant''s score curve (trapezoid rule, instrument''s unit times time unit); NULL for fewer than two assessments';

CREATE AGGREGATE @extschema@.pain_auc(t double precision, score double precision) (
    SFUNC = @extschema@.pain_auc_accum, STYPE = internal,
    FINALFUNC = @extschema@.pain_auc_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.timecourse_combine,
    SERIALFUNC = @extschema@.timecourse_serialize, DESERIALFUNC = @extschema@.timecourse_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.pain_auc(double precision, double precision) IS
    'area under a curve of plain values (trapezoid rule); NULL for fewer than two assessments';

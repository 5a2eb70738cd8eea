-- forest_plot with options: the Knapp-Hartung interval, the prediction
-- interval bar, and subgroup blocks (a diamond per subgroup and the test
-- for subgroup differences of meta_subgroup).  The state, combine,
-- serialize, deserialize and final functions are 90_forest_plot.sql's.

CREATE FUNCTION @extschema@.forest_plot_accum(internal, text, double precision, double precision, text, text, text, boolean)
    RETURNS internal AS 'MODULE_PATHNAME', 'forest_plot_opts_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.forest_plot_accum(internal, text, double precision, double precision, text, text, text, boolean) IS
    'forest_plot transition: collects one study, the method, the axis title, the test (z or knha) and whether to draw the prediction interval';
CREATE FUNCTION @extschema@.forest_plot_accum(internal, text, text, double precision, double precision, text, text)
    RETURNS internal AS 'MODULE_PATHNAME', 'forest_plot_subgroup_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.forest_plot_accum(internal, text, text, double precision, double precision, text, text) IS
    'forest_plot transition: collects one study with its subgroup (rows with a NULL subgroup, yi or vi are counted, not drawn), the method and the axis title';
CREATE FUNCTION @extschema@.forest_plot_accum(internal, text, text, double precision, double precision, text, text, text, boolean, text)
    RETURNS internal AS 'MODULE_PATHNAME', 'forest_plot_subgroup_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.forest_plot_accum(internal, text, text, double precision, double precision, text, text, text, boolean, text) IS
    'forest_plot transition: collects one study with its subgroup, the method, the axis title, the test, whether to draw the prediction interval and the subgroup tau^2 mode';

CREATE AGGREGATE @extschema@.forest_plot(label text, yi double precision, vi double precision, method text,
                                         axis_title text, test text, prediction boolean) (
    SFUNC = @extschema@.forest_plot_accum, STYPE = internal,
    FINALFUNC = @extschema@.forest_plot_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.forest_plot_combine,
    SERIALFUNC = @extschema@.forest_plot_serialize, DESERIALFUNC = @extschema@.forest_plot_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.forest_plot(text, double precision, double precision, text, text, text, boolean) IS
    'forest plot as an SVG document (text) with test z or knha (the Knapp-Hartung interval of metafor rma(..., test = "knha")) and, when prediction is true, the 95% prediction interval as a dotted bar through the pooled diamond (metafor addpred); NULL options take their defaults (REML, "Effect size", z, false)';

CREATE AGGREGATE @extschema@.forest_plot(label text, subgroup text, yi double precision, vi double precision,
                                         method text, axis_title text) (
    SFUNC = @extschema@.forest_plot_accum, STYPE = internal,
    FINALFUNC = @extschema@.forest_plot_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.forest_plot_combine,
    SERIALFUNC = @extschema@.forest_plot_serialize, DESERIALFUNC = @extschema@.forest_plot_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.forest_plot(text, text, double precision, double precision, text, text) IS
    'forest plot as an SVG document (text) in subgroup blocks (in the order of each subgroup''s first row): the subgroup''s studies and its diamond (meta_subgroup(yi, vi, subgroup, method)), then the overall diamond and the test for subgroup differences';

CREATE AGGREGATE @extschema@.forest_plot(label text, subgroup text, yi double precision, vi double precision,
                                         method text, axis_title text, test text, prediction boolean, tau2 text) (
    SFUNC = @extschema@.forest_plot_accum, STYPE = internal,
    FINALFUNC = @extschema@.forest_plot_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.forest_plot_combine,
    SERIALFUNC = @extschema@.forest_plot_serialize, DESERIALFUNC = @extschema@.forest_plot_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.forest_plot(text, text, double precision, double precision, text, text, text, boolean, text) IS
    'forest plot in subgroup blocks with test (z, or knha: each subgroup''s and the overall Knapp-Hartung interval), prediction (the overall 95% prediction interval) and tau2 (separate or common, as meta_subgroup); NULL options take their defaults';

-- Forest plot of a meta-analysis as an SVG document (text).

CREATE FUNCTION @extschema@.forest_plot_accum(internal, text, double precision, double precision, text)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.forest_plot_accum(internal, text, double precision, double precision, text) IS
    'forest_plot transition: collects one study (rows with a NULL yi or vi are counted, not drawn) and the method';
CREATE FUNCTION @extschema@.forest_plot_accum(internal, text, double precision, double precision, text, text)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.forest_plot_accum(internal, text, double precision, double precision, text, text) IS
    'forest_plot transition: collects one study, the method and the axis title';
CREATE FUNCTION @extschema@.forest_plot_combine(internal, internal)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.forest_plot_combine(internal, internal) IS
    'combines two partial forest plot states (parallel aggregation)';
CREATE FUNCTION @extschema@.forest_plot_serialize(internal)
    RETURNS bytea AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.forest_plot_serialize(internal) IS
    'serialises a partial forest plot state for another process';
CREATE FUNCTION @extschema@.forest_plot_deserialize(bytea, internal)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.forest_plot_deserialize(bytea, internal) IS
    'reads a partial forest plot state written by forest_plot_serialize';
CREATE FUNCTION @extschema@.forest_plot_final(internal)
    RETURNS text AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.forest_plot_final(internal) IS
    'forest_plot final function: pools the collected studies and draws the SVG';

CREATE AGGREGATE @extschema@.forest_plot(label text, yi double precision, vi double precision, method text) (
    SFUNC = @extschema@.forest_plot_accum, STYPE = internal,
    FINALFUNC = @extschema@.forest_plot_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.forest_plot_combine,
    SERIALFUNC = @extschema@.forest_plot_serialize, DESERIALFUNC = @extschema@.forest_plot_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.forest_plot(text, double precision, double precision, text) IS
    'forest plot as an SVG document (text): one row per study in input order (use ORDER BY inside the call), weights, 95% CIs, the pooled diamond of meta_analysis(yi, vi, method) (FE, DL, REML or PM; z test), the null line and heterogeneity';

CREATE AGGREGATE @extschema@.forest_plot(label text, yi double precision, vi double precision, method text, axis_title text) (
    SFUNC = @extschema@.forest_plot_accum, STYPE = internal,
    FINALFUNC = @extschema@.forest_plot_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.forest_plot_combine,
    SERIALFUNC = @extschema@.forest_plot_serialize, DESERIALFUNC = @extschema@.forest_plot_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.forest_plot(text, double precision, double precision, text, text) IS
    'forest plot as an SVG document (text) with a title for the x axis (for example the measure and which side favours treatment)';

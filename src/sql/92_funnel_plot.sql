-- Contour-enhanced funnel plot of a meta-analysis as an SVG document (text).

CREATE FUNCTION @extschema@.funnel_plot_accum(internal, text, double precision, double precision)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.funnel_plot_accum(internal, text, double precision, double precision) IS
    'funnel_plot transition: collects one study (rows with a NULL yi or vi are counted, not drawn)';
CREATE FUNCTION @extschema@.funnel_plot_accum(internal, text, double precision, double precision, text)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.funnel_plot_accum(internal, text, double precision, double precision, text) IS
    'funnel_plot transition: collects one study and the method';
CREATE FUNCTION @extschema@.funnel_plot_combine(internal, internal)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.funnel_plot_combine(internal, internal) IS
    'combines two partial funnel plot states (parallel aggregation)';
CREATE FUNCTION @extschema@.funnel_plot_serialize(internal)
    RETURNS bytea AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.funnel_plot_serialize(internal) IS
    'serialises a partial funnel plot state for another process';
CREATE FUNCTION @extschema@.funnel_plot_deserialize(bytea, internal)
    RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.funnel_plot_deserialize(bytea, internal) IS
    'reads a partial funnel plot state written by funnel_plot_serialize';
CREATE FUNCTION @extschema@.funnel_plot_final(internal)
    RETURNS text AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.funnel_plot_final(internal) IS
    'funnel_plot final function: pools the collected studies and draws the SVG';

CREATE AGGREGATE @extschema@.funnel_plot(label text, yi double precision, vi double precision) (
    SFUNC = @extschema@.funnel_plot_accum, STYPE = internal,
    FINALFUNC = @extschema@.funnel_plot_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.funnel_plot_combine,
    SERIALFUNC = @extschema@.funnel_plot_serialize, DESERIALFUNC = @extschema@.funnel_plot_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.funnel_plot(text, double precision, double precision) IS
    'contour-enhanced funnel plot as an SVG document (text): effect against standard error (0 at the top), the REML estimate of meta_analysis(yi, vi) with its pseudo 95% region, and the regions where a study alone has p < 0.10, 0.05 and 0.01 against 0 shaded; labels are the points'' tooltips';

CREATE AGGREGATE @extschema@.funnel_plot(label text, yi double precision, vi double precision, method text) (
    SFUNC = @extschema@.funnel_plot_accum, STYPE = internal,
    FINALFUNC = @extschema@.funnel_plot_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = @extschema@.funnel_plot_combine,
    SERIALFUNC = @extschema@.funnel_plot_serialize, DESERIALFUNC = @extschema@.funnel_plot_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.funnel_plot(text, double precision, double precision, text) IS
    'contour-enhanced funnel plot as an SVG document (text) with the pooled estimate of meta_analysis(yi, vi, method) (FE, DL, REML or PM)';

-- pgTAP tests of forest_plot(label, yi, vi, method [, axis_title]): the
-- objects, the parts of the drawing, agreement with meta_analysis, and the
-- error classes.
BEGIN;
SELECT plan(27);

SELECT has_function('forest_plot', ARRAY['text', 'double precision', 'double precision', 'text']);
SELECT has_function('forest_plot', ARRAY['text', 'double precision', 'double precision', 'text', 'text']);
SELECT is((SELECT count(*)::int FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
           WHERE p.proname = 'forest_plot' AND p.proparallel = 's'
             AND a.aggcombinefn <> 0 AND a.aggserialfn <> 0 AND a.aggdeserialfn <> 0),
          5, 'all five forest_plot aggregates (with options and subgroups) are parallel safe with combine, serialize and deserialize');
SELECT is((SELECT count(*)::int FROM pg_proc
           WHERE proname LIKE 'forest\_plot%' AND obj_description(oid, 'pg_proc') IS NULL),
          0, 'every forest_plot function has a comment');
SELECT is((SELECT DISTINCT prorettype::regtype::text FROM pg_proc WHERE proname = 'forest_plot'),
          'text', 'the result is text');

CREATE TEMP TABLE tap_knee (study text, yr int, yi float8, vi float8);
INSERT INTO tap_knee VALUES
  ('Aster 2016', 2016, -1.32, 0.138), ('Borealis 2017', 2017, 0.05, 0.168),
  ('Corvin 2018', 2018, -0.48, 0.069), ('Delacroix 2019', 2019, -1.04, 0.245);
CREATE TEMP TABLE tap_svg AS
SELECT m AS method, forest_plot(study, yi, vi, m, 'SMD' ORDER BY yr) AS svg
FROM tap_knee, (VALUES ('FE'), ('DL'), ('REML'), ('PM')) v(m) GROUP BY m;

CREATE FUNCTION pg_temp.n(svg text, path text) RETURNS int LANGUAGE sql AS
$$ SELECT coalesce(array_length(xpath(path, svg::xml,
          ARRAY[ARRAY['s', 'http://www.w3.org/2000/svg']]), 1), 0) $$;

SELECT ok((SELECT bool_and(xml_is_well_formed_document(svg)) FROM tap_svg), 'well-formed for every method');
SELECT is((SELECT pg_temp.n(svg, '//s:g[@class="study"]') FROM tap_svg WHERE method = 'REML'), 4, 'one row per study');
SELECT is((SELECT pg_temp.n(svg, '//s:rect[@class="weight"]') FROM tap_svg WHERE method = 'REML'), 4, 'a square per study');
SELECT is((SELECT pg_temp.n(svg, '//s:line[@class="ci"]') FROM tap_svg WHERE method = 'REML'), 4, 'a CI line per study');
SELECT is((SELECT pg_temp.n(svg, '//s:polygon[@class="diamond"]') FROM tap_svg WHERE method = 'REML'), 1, 'the pooled diamond');
SELECT is((SELECT pg_temp.n(svg, '//s:line[@class="null"][@stroke-dasharray]') FROM tap_svg WHERE method = 'REML'), 1, 'a dashed null line');
SELECT cmp_ok((SELECT pg_temp.n(svg, '//s:line[@class="tick"]') FROM tap_svg WHERE method = 'REML'), '>=', 3, 'axis ticks');
SELECT is((SELECT pg_temp.n(svg, '//s:text[@class="heterogeneity"]') FROM tap_svg WHERE method = 'REML'), 1, 'the heterogeneity line');
SELECT is((SELECT pg_temp.n(svg, '/s:svg[@viewBox][@width][@height]') FROM tap_svg WHERE method = 'REML'), 1, 'viewBox, width and height');

-- the pooled row shows meta_analysis's estimate and interval for every method
SELECT is(
  (SELECT count(*)::int FROM tap_svg s,
     LATERAL (SELECT (meta_analysis(yi, vi, s.method)).* FROM tap_knee) r
   WHERE strpos(s.svg, format('>%s [%s, %s]</text>', to_char(r.estimate, 'FM990.00'),
                              to_char(r.ci_low, 'FM990.00'), to_char(r.ci_high, 'FM990.00'))) > 0),
  4, 'the pooled row is meta_analysis''s for FE, DL, REML and PM');
SELECT ok((SELECT strpos(svg, 'Heterogeneity: I&#xB2;') > 0 FROM tap_svg WHERE method = 'FE'),
          'FE: heterogeneity without tau^2');
SELECT ok((SELECT strpos(svg, 'Heterogeneity: &#x3C4;&#xB2; = ') > 0 FROM tap_svg WHERE method = 'REML'),
          'REML: heterogeneity with tau^2');

-- empty input, NULLs, escaping
SELECT ok((SELECT strpos(forest_plot(study, yi, vi, 'REML'), '>No studies to plot<') > 0 FROM tap_knee WHERE false),
          'no rows: a document saying there are no studies');
SELECT ok((SELECT strpos(forest_plot(study, NULL, vi, 'REML'), '>4 rows without an effect or a variance (NULL) are not shown<') > 0
           FROM tap_knee), 'rows without numbers are counted in a note');
SELECT ok((SELECT strpos(forest_plot(NULL, yi, vi, NULL), '>(no label)<') > 0 FROM tap_knee),
          'a NULL label is drawn as (no label); a NULL method is REML');
SELECT ok((SELECT xml_is_well_formed_document(forest_plot(E'<a href="x">&\x01\u00e9', 0.1, 0.05, 'FE', '<&>'))),
          'hostile label and axis title: still well-formed');

-- errors
SELECT throws_ok($$ SELECT forest_plot(study, yi, vi, 'ML') FROM tap_knee $$, '22023', NULL, 'unknown method');
SELECT throws_ok($$ SELECT forest_plot(study, yi, 0, 'FE') FROM tap_knee $$, '22023', NULL, 'variance 0');
SELECT throws_ok($$ SELECT forest_plot(study, 'NaN', vi, 'FE') FROM tap_knee $$, '22023', NULL, 'NaN effect');
SELECT throws_ok($$ SELECT forest_plot(study, yi, vi, CASE WHEN yr < 2018 THEN 'DL' ELSE 'PM' END) FROM tap_knee $$,
                 '22023', NULL, 'method changing between rows');
SELECT throws_ok($$ SELECT forest_plot(study, yi, vi, 'DL', study) FROM tap_knee $$,
                 '22023', NULL, 'axis title changing between rows');
SELECT throws_ok($$ SELECT forest_plot('a', x, 1, 'FE') FROM (VALUES (1.7e308), (-1.7e308)) v(x) $$,
                 '22003', NULL, 'a range too wide to draw');

SELECT * FROM finish();
ROLLBACK;

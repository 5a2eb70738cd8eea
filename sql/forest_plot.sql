-- forest_plot(label, yi, vi, method [, axis_title]): an SVG document as text.
-- The drawing is deterministic, so a small one is shown in full; the rest
-- is checked with the server's XML functions (well-formedness, XPath).
CREATE FUNCTION svg_count(svg text, path text) RETURNS int LANGUAGE sql AS
$$ SELECT coalesce(array_length(xpath(path, svg::xml,
          ARRAY[ARRAY['s', 'http://www.w3.org/2000/svg']]), 1), 0) $$;
CREATE FUNCTION svg_texts(svg text, path text) RETURNS SETOF text LANGUAGE sql AS
$$ SELECT x::text FROM unnest(xpath(path || '/text()', svg::xml,
          ARRAY[ARRAY['s', 'http://www.w3.org/2000/svg']])) x $$;

CREATE TABLE knee (study text, yr int, yi float8, vi float8);
INSERT INTO knee VALUES
  ('Aster 2016', 2016, -1.32, 0.138), ('Borealis 2017', 2017, 0.05, 0.168),
  ('Corvin 2018', 2018, -0.48, 0.069);

-- a small plot in full
\pset format unaligned
\pset tuples_only on
SELECT forest_plot(study, yi, vi, 'REML', 'SMD in pain (< 0 favours MSC)' ORDER BY yr) FROM knee;
-- the README example, drawn in doc/forest_plot.png (test/forest_plot.sh --write-doc)
\i doc/forest_plot_example.sql
-- no studies: a small document saying so (and how many rows had no numbers)
SELECT forest_plot(study, yi, vi, 'REML') FROM knee WHERE false;
SELECT forest_plot(study, NULL, vi, 'REML') FROM knee;
\pset format aligned
\pset tuples_only off

-- well-formed, with every part of the drawing
SELECT xml_is_well_formed_document(svg) AS well_formed,
       svg_count(svg, '/s:svg/s:title') AS title,
       svg_count(svg, '//s:g[@class="study"]') AS studies,
       svg_count(svg, '//s:g[@class="study"]/s:line[@class="ci"]') AS ci_lines,
       svg_count(svg, '//s:g[@class="study"]/s:rect[@class="weight"]') AS squares,
       svg_count(svg, '//s:polygon[@class="diamond"]') AS diamond,
       svg_count(svg, '//s:line[@class="null"]') AS null_line,
       svg_count(svg, '//s:line[@class="tick"]') AS ticks,
       svg_count(svg, '//s:text[@class="heterogeneity"]') AS heterogeneity
FROM (SELECT forest_plot(study, yi, vi, 'DL') AS svg FROM knee) p;

-- the pooled row agrees with meta_analysis for every method (numbers to 2 decimals)
SELECT m.method,
       (SELECT string_agg(t, ' | ') FROM svg_texts(p.svg, '//s:g[@class="pooled"]/s:text') t) AS pooled_row,
       format('%s [%s, %s]', round(r.estimate::numeric, 2), round(r.ci_low::numeric, 2),
              round(r.ci_high::numeric, 2)) AS meta_analysis,
       (SELECT t FROM svg_texts(p.svg, '//s:text[@class="heterogeneity"]') t) AS heterogeneity
FROM (VALUES ('FE'), ('DL'), ('REML'), ('PM')) m(method),
     LATERAL (SELECT forest_plot(study, yi, vi, m.method) AS svg FROM knee) p,
     LATERAL (SELECT (meta_analysis(yi, vi, m.method)).* FROM knee) r;
SELECT t AS overall FROM (SELECT forest_plot(study, yi, vi, 'REML') AS svg FROM knee) p,
       svg_texts(p.svg, '//s:text[@class="overall"]') t;

-- studies are drawn in the order the aggregate receives them: ORDER BY decides
SELECT (SELECT string_agg(t, ', ') FROM svg_texts(svg, '//s:g[@class="study"]/s:text[@class="label"]') t) AS labels
FROM (SELECT forest_plot(study, yi, vi, 'FE' ORDER BY yi) AS svg FROM knee) p;
SELECT (SELECT string_agg(t, ', ') FROM svg_texts(svg, '//s:g[@class="study"]/s:text[@class="label"]') t) AS labels
FROM (SELECT forest_plot(study, yi, vi, 'FE' ORDER BY study DESC) AS svg FROM knee) p;
-- weights: 1/vi for FE, 1/(vi + tau^2) for random effects, in percent
SELECT (SELECT string_agg(t, ' ') FROM svg_texts(fe, '//s:text[@class="percent"]') t) AS fe_weights,
       (SELECT string_agg(t, ' ') FROM svg_texts(re, '//s:text[@class="percent"]') t) AS reml_weights
FROM (SELECT forest_plot(study, yi, vi, 'FE') AS fe, forest_plot(study, yi, vi, 'REML') AS re FROM knee) p;

-- NULLs: a row without yi or vi is counted in a note, not drawn; a NULL
-- label is drawn as "(no label)"; a NULL method is REML; a NULL axis title
-- is "Effect size"
INSERT INTO knee VALUES (NULL, 2019, -0.30, 0.09), ('Dropped 2020', 2020, NULL, 0.1),
  ('Dropped 2021', 2021, 0.2, NULL);
SELECT svg_count(svg, '//s:g[@class="study"]') AS studies,
       (SELECT string_agg(t, ', ') FROM svg_texts(svg, '//s:g[@class="study"]/s:text[@class="label"]') t) AS labels,
       (SELECT t FROM svg_texts(svg, '//s:g[@class="pooled"]/s:text[@class="label"]') t) AS model,
       (SELECT t FROM svg_texts(svg, '//s:text[@class="title"]') t) AS axis,
       (SELECT t FROM svg_texts(svg, '//s:text[@class="note"]') t) AS note
FROM (SELECT forest_plot(study, yi, vi, NULL, NULL ORDER BY yr) AS svg FROM knee) p;
DELETE FROM knee WHERE yr > 2018;

-- one study: drawn, heterogeneity not estimable
SELECT xml_is_well_formed_document(svg) AS well_formed,
       (SELECT string_agg(t, ' | ') FROM svg_texts(svg, '//s:g[@class="pooled"]/s:text') t) AS pooled_row,
       (SELECT t FROM svg_texts(svg, '//s:text[@class="heterogeneity"]') t) AS heterogeneity
FROM (SELECT forest_plot('only', 0.4, 0.04, 'REML') AS svg) p;
-- identical studies: tau^2 = 0, every weight the same
SELECT (SELECT string_agg(t, ' ') FROM svg_texts(svg, '//s:text[@class="percent"]') t) AS weights,
       (SELECT t FROM svg_texts(svg, '//s:text[@class="heterogeneity"]') t) AS heterogeneity
FROM (SELECT forest_plot('same ' || i, 0.5, 0.04, 'REML') AS svg FROM generate_series(1, 4) i) p;
-- a ratio measure is drawn on the log scale it is given in
SELECT (SELECT string_agg(t, ' ') FROM svg_texts(svg, '//s:g[@class="axis"]/s:text') t) AS axis
FROM (SELECT forest_plot(s, (e).yi, (e).vi, 'FE', 'log risk ratio of a serious adverse event') AS svg
      FROM (VALUES ('a', log_rr(2, 40, 1, 40)), ('b', log_rr(3, 25, 2, 26))) v(s, e)) p;
-- tiny and large numbers: ticks and values stay readable
SELECT (SELECT string_agg(t, ' ') FROM svg_texts(svg, '//s:g[@class="axis"]/s:text[not(@class)]') t) AS ticks,
       (SELECT string_agg(t, ' | ') FROM svg_texts(svg, '//s:g[@class="pooled"]/s:text') t) AS pooled_row
FROM (VALUES (1e-9::float8, 1e-20::float8), (1, 1e-6), (-25, 4), (1e9, 1e14)) v(y, v),
     LATERAL (SELECT forest_plot('x' || i, y * (1 + i / 10.0), v, 'FE') AS svg
              FROM generate_series(1, 3) i) p;

-- hostile labels: escaped, control characters drawn as U+FFFD, white space
-- runs made one space, a long label cut with an ellipsis (the whole label
-- kept in the row's <title>), non-ASCII as character references
CREATE TABLE hostile (n int, label text);
INSERT INTO hostile VALUES
  (1, '<script>alert("x")</script>'), (2, 'Tom & Jerry''s <b>trial</b>'),
  (3, E'bell\x07and\x1bescape'), (4, E'  tab\tnew\nline  '), (5, 'Müller 2019 – 東京 😀'),
  (6, ']]><!-- -->&amp;'), (7, repeat('long label ', 1000)), (8, '');
SELECT xml_is_well_formed_document(svg) AS well_formed, length(svg) < 40000 AS compact,
       svg !~ '[^\x0a\x20-\x7e]' AS pure_ascii,
       svg_count(svg, '//s:g[@class="study"]') AS studies,
       svg_count(svg, '//s:g[@class="study"]/s:title') AS tooltips
FROM (SELECT forest_plot(label, n / 10.0, 0.05, 'DL' ORDER BY n) AS svg FROM hostile) p;
SELECT n, substring(svg FROM 'class="label" x="20.0" y="[0-9.]+">([^<]*)</text>') AS drawn
FROM hostile h,
     LATERAL (SELECT forest_plot(v.l, 0.1, 0.05, 'FE') AS svg FROM (VALUES (h.label)) v(l)) p ORDER BY n;
SELECT length((xpath('//s:g[@class="study"]/s:title/text()', svg::xml,
               ARRAY[ARRAY['s', 'http://www.w3.org/2000/svg']]))[1]::text) AS tooltip_length
FROM (SELECT forest_plot(label, 0.1, 0.05, 'FE') AS svg FROM hostile WHERE n = 7) p;
SELECT substring(svg FROM '<text class="title"[^>]*>([^<]*)</text>') AS axis_title
FROM (SELECT forest_plot('a', 0.1, 0.05, 'FE', E'<i>x</i> & \x01' || repeat('y', 200)) AS svg) p;
DROP TABLE hostile;

-- 200 studies
SELECT xml_is_well_formed_document(svg) AS well_formed, svg_count(svg, '//s:g[@class="study"]') AS studies,
       svg_count(svg, '//s:rect[@class="weight"]') AS squares,
       substring(svg FROM 'height="([0-9]+)"')::int > 200 * 22 AS tall_enough
FROM (SELECT forest_plot('study ' || i, sin(i), 0.01 + (i % 9) * 0.01, 'REML' ORDER BY i) AS svg
      FROM generate_series(1, 200) i) p;
-- the result casts to xml
SELECT pg_typeof(forest_plot('a', 0.1, 0.05, 'FE')::xml);

-- errors: bad method, variance, effect; options that change between rows;
-- numbers too large to draw
SELECT r.* FROM (VALUES
  ($$(SELECT forest_plot(study, yi, vi, 'ML') FROM knee)$$),
  ($$(SELECT forest_plot(study, yi, 0, 'REML') FROM knee)$$),
  ($$(SELECT forest_plot(study, yi, -0.5, 'REML') FROM knee)$$),
  ($$(SELECT forest_plot(study, yi, 'NaN', 'REML') FROM knee)$$),
  ($$(SELECT forest_plot(study, 'Infinity', vi, 'REML') FROM knee)$$),
  ($$(SELECT forest_plot(study, 'NaN', vi, 'REML') FROM knee)$$),
  ($$(SELECT forest_plot(study, yi, vi, CASE WHEN yr < 2018 THEN 'DL' ELSE 'PM' END) FROM knee)$$),
  ($$(SELECT forest_plot(study, yi, vi, 'DL', study) FROM knee)$$),
  ($$(SELECT forest_plot('a', x, 1, 'FE') FROM (VALUES (1.7e308), (-1.7e308)) v(x))$$),
  ($$(SELECT forest_plot('a', 1e200, x, 'FE') FROM (VALUES (1e-300), (1e-300)) v(x))$$)
) AS t(expr), try_sql(t.expr) AS r;
SELECT forest_plot(study, yi, vi, 'ML') FROM knee;
SELECT forest_plot(study, yi, 0, 'REML') FROM knee;

-- parallel plans: partial states from two workers give the same studies and
-- the same pooled row as a serial run
CREATE TABLE many_studies AS
SELECT i, 'trial ' || i AS label, (sin(i) * 0.8)::float8 AS yi, (0.01 + (i % 7) * 0.02)::float8 AS vi
FROM generate_series(1, 20000) i;
ANALYZE many_studies;
SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0; SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT forest_plot(label, yi, vi, 'DL') FROM many_studies WHERE i % 50 = 0;
CREATE TABLE parallel_run AS SELECT forest_plot(label, yi, vi, 'DL') AS svg FROM many_studies WHERE i % 50 = 0;
RESET parallel_setup_cost; RESET parallel_tuple_cost; RESET min_parallel_table_scan_size;
RESET parallel_leader_participation;
SET max_parallel_workers_per_gather = 0;
CREATE TABLE serial_run AS SELECT forest_plot(label, yi, vi, 'DL') AS svg FROM many_studies WHERE i % 50 = 0;
RESET max_parallel_workers_per_gather;
SELECT svg_count(s.svg, '//s:g[@class="study"]') AS studies,
       (SELECT array_agg(t ORDER BY t) FROM svg_texts(s.svg, '//s:g[@class="study"]/s:text') t)
         = (SELECT array_agg(t ORDER BY t) FROM svg_texts(p.svg, '//s:g[@class="study"]/s:text') t) AS same_rows,
       (SELECT array_agg(t) FROM svg_texts(s.svg, '//s:g[@class="pooled" or @class="summary"]/s:text') t)
         = (SELECT array_agg(t) FROM svg_texts(p.svg, '//s:g[@class="pooled" or @class="summary"]/s:text') t) AS same_pooled
FROM serial_run s, parallel_run p;
DROP TABLE many_studies, parallel_run, serial_run, knee;
DROP FUNCTION svg_count(text, text), svg_texts(text, text);

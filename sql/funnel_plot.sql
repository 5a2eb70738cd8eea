-- funnel_plot(label, yi, vi [, method]): a contour-enhanced funnel plot as
-- an SVG document (text).  The drawing is deterministic, so the example is
-- shown in full; the rest is checked with the server's XML functions.
CREATE FUNCTION svg_count(svg text, path text) RETURNS int LANGUAGE sql AS
$$ SELECT coalesce(array_length(xpath(path, svg::xml,
          ARRAY[ARRAY['s', 'http://www.w3.org/2000/svg']]), 1), 0) $$;
CREATE FUNCTION svg_texts(svg text, path text) RETURNS SETOF text LANGUAGE sql AS
$$ SELECT x::text FROM unnest(xpath(path || '/text()', svg::xml,
          ARRAY[ARRAY['s', 'http://www.w3.org/2000/svg']])) x $$;
-- an attribute of every element at path, as numbers
CREATE FUNCTION svg_nums(svg text, path text) RETURNS float8[] LANGUAGE sql AS
$$ SELECT array_agg(x::text::float8) FROM unnest(xpath(path, svg::xml,
          ARRAY[ARRAY['s', 'http://www.w3.org/2000/svg']])) x $$;

CREATE TABLE knee (study text, yr int, yi float8, vi float8);
INSERT INTO knee VALUES
  ('Aster 2016', 2016, -1.32, 0.138), ('Borealis 2017', 2017, 0.05, 0.168),
  ('Corvin 2018', 2018, -0.48, 0.069), ('Dorado 2019', 2019, -0.30, 0.09);

-- the doc/funnel_plot.md example (doc/funnel_plot.png), in full
\pset format unaligned
\pset tuples_only on
\i doc/funnel_plot_example.sql
-- no studies: a small document saying so (and how many rows had no numbers)
SELECT funnel_plot(study, yi, vi) FROM knee WHERE false;
SELECT funnel_plot(study, NULL, vi) FROM knee;
\pset format aligned
\pset tuples_only off

-- well-formed, with every part of the drawing
SELECT xml_is_well_formed_document(svg) AS well_formed,
       svg_count(svg, '//s:g[@class="study"]/s:circle') AS points,
       svg_count(svg, '//s:g[@class="study"]/s:title') AS tooltips,
       svg_count(svg, '//s:g[@class="contours"]/s:polygon') AS contours,
       svg_count(svg, '//s:line[@class="pooled"]') AS pooled_line,
       svg_count(svg, '//s:polygon[@class="pseudo-ci"]') AS pseudo_ci,
       svg_count(svg, '//s:line[@class="zero"]') AS zero_line,
       (SELECT string_agg(t, ' ') FROM svg_texts(svg, '//s:text[@class="xtick"]') t) AS x_ticks,
       (SELECT string_agg(t, ' ') FROM svg_texts(svg, '//s:text[@class="ytick"]') t) AS se_ticks,
       (SELECT string_agg(t, ' | ') FROM svg_texts(svg, '//s:g[@class="legend"]/s:text') t) AS legend
FROM (SELECT funnel_plot(study, yi, vi) AS svg FROM knee) p;

-- the title line agrees with meta_analysis for every method (2 decimals)
SELECT m.method, (SELECT t FROM svg_texts(p.svg, '//s:text[@class="title"]') t) AS title,
       round(r.estimate::numeric, 2) AS meta_analysis
FROM (VALUES ('FE'), ('DL'), ('REML'), ('PM')) m(method),
     LATERAL (SELECT funnel_plot(study, yi, vi, m.method) AS svg FROM knee) p,
     LATERAL (SELECT (meta_analysis(yi, vi, m.method)).* FROM knee) r;

-- points sit where the axes say: x from the effect axis ticks, y (0 at the
-- top) from the standard-error ticks; the pooled line at the estimate
SELECT k.study,
       round(((c[1] - xt[1]) / (xt[2] - xt[1]) * (xv[2] - xv[1]) + xv[1])::numeric, 2) AS x_read,
       k.yi,
       round(((c[2] - yt[1]) / (yt[2] - yt[1]) * (yv[2] - yv[1]) + yv[1])::numeric, 2) AS se_read,
       round(sqrt(k.vi)::numeric, 2) AS se
FROM (SELECT funnel_plot(study, yi, vi, 'FE' ORDER BY yr) AS svg FROM knee) p,
     LATERAL (SELECT svg_nums(svg, '//s:text[@class="xtick"]/@x') AS xt,
                     svg_nums(svg, '//s:text[@class="xtick"]/text()') AS xv,
                     svg_nums(svg, '//s:text[@class="ytick"]/@y') AS yt,
                     svg_nums(svg, '//s:text[@class="ytick"]/text()') AS yv) a,
     LATERAL (SELECT row_number() OVER () AS n,
                     ARRAY[svg_nums(svg, '//s:g[@class="study"]/s:circle/@cx'),
                           svg_nums(svg, '//s:g[@class="study"]/s:circle/@cy')] AS pts) q,
     LATERAL (SELECT i, ARRAY[q.pts[1][i], q.pts[2][i] + 4] AS c
              FROM generate_series(1, 4) i) pt,
     LATERAL (SELECT * FROM knee ORDER BY yr OFFSET pt.i - 1 LIMIT 1) k
ORDER BY pt.i;
SELECT round(((l - xt[1]) / (xt[2] - xt[1]) * (xv[2] - xv[1]) + xv[1])::numeric, 2) AS pooled_line_read,
       round((SELECT estimate FROM (SELECT (meta_analysis(yi, vi, 'FE')).* FROM knee) r)::numeric, 2) AS estimate
FROM (SELECT funnel_plot(study, yi, vi, 'FE') AS svg FROM knee) p,
     LATERAL (SELECT svg_nums(svg, '//s:text[@class="xtick"]/@x') AS xt,
                     svg_nums(svg, '//s:text[@class="xtick"]/text()') AS xv,
                     (svg_nums(svg, '//s:line[@class="pooled"]/@x1'))[1] AS l) a;

-- NULLs: a row without yi or vi is counted in a note, not drawn; a NULL
-- label is "(no label)" in the tooltip; a NULL method is REML
INSERT INTO knee VALUES (NULL, 2020, -0.7, 0.2), ('Dropped 2021', 2021, NULL, 0.1),
  ('Dropped 2022', 2022, 0.2, NULL);
SELECT svg_count(svg, '//s:g[@class="study"]') AS points,
       (SELECT string_agg(t, ' | ') FROM svg_texts(svg, '//s:g[@class="study"]/s:title') t) AS tooltips,
       (SELECT t FROM svg_texts(svg, '//s:text[@class="title"]') t) AS title,
       (SELECT t FROM svg_texts(svg, '//s:text[@class="note"]') t) AS note
FROM (SELECT funnel_plot(study, yi, vi, NULL ORDER BY yr) AS svg FROM knee) p;
DELETE FROM knee WHERE yr > 2019;

-- one study; identical studies (one point over another)
SELECT xml_is_well_formed_document(svg) AS well_formed, svg_count(svg, '//s:g[@class="study"]') AS points,
       (SELECT t FROM svg_texts(svg, '//s:text[@class="title"]') t) AS title
FROM (SELECT funnel_plot('only', 0.4, 0.04) AS svg
      UNION ALL SELECT funnel_plot('same ' || i, 0.5, 0.04, 'DL') FROM generate_series(1, 4) i) p;
-- tiny and large numbers: ticks stay readable
SELECT (SELECT string_agg(t, ' ') FROM svg_texts(svg, '//s:text[@class="xtick"]') t) AS x_ticks,
       (SELECT string_agg(t, ' ') FROM svg_texts(svg, '//s:text[@class="ytick"]') t) AS se_ticks
FROM (VALUES (1e-9::float8, 1e-20::float8), (-25, 4), (1e9, 1e14)) v(y, v),
     LATERAL (SELECT funnel_plot('x' || i, y * (1 + i / 10.0), v * i, 'FE') AS svg
              FROM generate_series(1, 3) i) p;

-- hostile labels: escaped in the tooltips, the document pure ASCII
SELECT xml_is_well_formed_document(svg) AS well_formed, svg !~ '[^\x0a\x20-\x7e]' AS pure_ascii,
       (SELECT string_agg(t, ' | ') FROM svg_texts(svg, '//s:g[@class="study"]/s:title') t) AS tooltips,
       substring(svg FROM '<title>Tom ([^<]*)</title>') AS escaped
FROM (SELECT funnel_plot(l, n / 10.0, 0.05 ORDER BY n) AS svg
      FROM (VALUES (1, '<script>alert("x")</script>'), (2, 'Tom & Jerry''s <b>trial</b>'),
                   (3, E'bell\x07 tab\tnew\nline'), (4, 'Müller 2019 – 東京')) v(n, l)) p;
-- the result casts to xml
SELECT pg_typeof(funnel_plot('a', 0.1, 0.05)::xml);

-- errors: bad method, variance, effect (22023 naming the value); a method
-- that changes between rows; effects too far apart to pool (22003); more than
-- 2,000 studies (54000)
SELECT r.* FROM (VALUES
  ($$(SELECT funnel_plot(study, yi, vi, 'ML') FROM knee)$$),
  ($$(SELECT funnel_plot(study, yi, 0) FROM knee)$$),
  ($$(SELECT funnel_plot(study, yi, -0.5) FROM knee)$$),
  ($$(SELECT funnel_plot(study, yi, 'NaN') FROM knee)$$),
  ($$(SELECT funnel_plot(study, yi, 'Infinity') FROM knee)$$),
  ($$(SELECT funnel_plot(study, 'Infinity', vi) FROM knee)$$),
  ($$(SELECT funnel_plot(study, '-Infinity', vi, 'FE') FROM knee)$$),
  ($$(SELECT funnel_plot(study, yi, vi, CASE WHEN yr < 2018 THEN 'DL' ELSE 'PM' END) FROM knee)$$),
  ($$(SELECT funnel_plot('a', x, 1, 'FE') FROM (VALUES (1.7e308), (-1.7e308)) v(x))$$),
  ($$(SELECT funnel_plot('s' || i, 0.1, 0.05) FROM generate_series(1, 2001) i)$$)
) AS t(expr), try_sql(t.expr) AS r;
SELECT funnel_plot(study, yi, 0, 'REML') FROM knee;
-- huge variances are drawn, not refused
SELECT xml_is_well_formed_document(funnel_plot('a', 1, x, 'FE')) AS well_formed
FROM (VALUES (1e300), (1.7e308)) v(x);
SELECT length(funnel_plot('s' || i, 0.1, 0.05)) > 0 AS two_thousand_drawn FROM generate_series(1, 2000) i;

-- parallel plans: partial states from two workers give the same points and
-- the same title as a serial run
CREATE TABLE many_studies AS
SELECT i, 'trial ' || i AS label, (sin(i) * 0.8)::float8 AS yi, (0.01 + (i % 7) * 0.02)::float8 AS vi
FROM generate_series(1, 20000) i;
ANALYZE many_studies;
SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0; SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT funnel_plot(label, yi, vi, 'DL') FROM many_studies WHERE i % 50 = 0;
CREATE TABLE parallel_run AS SELECT funnel_plot(label, yi, vi, 'DL') AS svg FROM many_studies WHERE i % 50 = 0;
RESET parallel_setup_cost; RESET parallel_tuple_cost; RESET min_parallel_table_scan_size;
RESET parallel_leader_participation;
SET max_parallel_workers_per_gather = 0;
CREATE TABLE serial_run AS SELECT funnel_plot(label, yi, vi, 'DL') AS svg FROM many_studies WHERE i % 50 = 0;
RESET max_parallel_workers_per_gather;
SELECT svg_count(s.svg, '//s:g[@class="study"]') AS points,
       (SELECT array_agg(t ORDER BY t) FROM unnest(xpath('//s:g[@class="study"]', s.svg::xml,
          ARRAY[ARRAY['s', 'http://www.w3.org/2000/svg']])::text[]) t)
         = (SELECT array_agg(t ORDER BY t) FROM unnest(xpath('//s:g[@class="study"]', p.svg::xml,
          ARRAY[ARRAY['s', 'http://www.w3.org/2000/svg']])::text[]) t) AS same_points,
       (SELECT t FROM svg_texts(s.svg, '//s:text[@class="title"]') t)
         = (SELECT t FROM svg_texts(p.svg, '//s:text[@class="title"]') t) AS same_title,
       length(s.svg) = length(p.svg) AS same_length
FROM serial_run s, parallel_run p;
DROP TABLE many_studies, parallel_run, serial_run, knee;
DROP FUNCTION svg_count(text, text), svg_texts(text, text), svg_nums(text, text);

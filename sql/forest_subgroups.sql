-- forest_plot with options: subgroup blocks, Knapp-Hartung intervals and
-- the prediction interval bar (src/sql/91_forest_subgroups.sql).  The
-- numbers are checked to 1e-9 against metafor in
-- test/core/test_forest_model.c; here: the SQL shape, that the drawing
-- shows those numbers, NULLs, errors and a parallel plan.
CREATE FUNCTION svg_count(svg text, path text) RETURNS int LANGUAGE sql AS
$$ SELECT coalesce(array_length(xpath(path, svg::xml,
          ARRAY[ARRAY['s', 'http://www.w3.org/2000/svg']]), 1), 0) $$;
CREATE FUNCTION svg_texts(svg text, path text) RETURNS SETOF text LANGUAGE sql AS
$$ SELECT x::text FROM unnest(xpath(path || '/text()', svg::xml,
          ARRAY[ARRAY['s', 'http://www.w3.org/2000/svg']])) x $$;

-- the README example with subgroups, drawn in doc/forest_subgroups.png
\pset format unaligned
\pset tuples_only on
\i doc/forest_subgroups_example.sql
\pset format aligned
\pset tuples_only off

CREATE TABLE knee AS
SELECT author, year, source, (e).yi, (e).vi
FROM (VALUES
  ('Aster',     2016, 'BM-MSC', 15, -28, 17, 15, -12, 16),
  ('Borealis',  2017, 'AD-MSC', 12, -16, 19, 12, -17, 18),
  ('Corvin',    2018, 'UC-MSC', 30, -24, 18, 30, -15, 19),
  ('Delacroix', 2019, 'BM-MSC',  9, -30, 15,  9, -13, 16),
  ('Eskola',    2020, 'AD-MSC', 40, -19, 20, 40, -17, 21),
  ('Ferreira',  2021, 'UC-MSC', 21, -27, 16, 21, -16, 15),
  ('Granholm',  2022, 'AD-MSC', 18, -22, 18, 18, -17, 17)
) AS t(author, year, source, n1, m1, sd1, n2, m2, sd2),
LATERAL (SELECT smd(n1, m1, sd1, n2, m2, sd2) AS e) s;

-- subgroup blocks in the order of each subgroup's first row: heading,
-- studies, a subtotal diamond; then the overall diamond and the test for
-- subgroup differences, the same numbers as meta_subgroup
SELECT xml_is_well_formed_document(svg) AS well_formed,
       svg_count(svg, '//s:g[@class="subgroup"]') AS subgroups,
       svg_count(svg, '//s:g[@class="study"]') AS studies,
       svg_count(svg, '//s:g[@class="subtotal"]/s:polygon[@class="diamond"]') AS subgroup_diamonds,
       svg_count(svg, '//s:g[@class="pooled"]/s:polygon[@class="diamond"]') AS overall_diamond,
       (SELECT string_agg(t, ', ') FROM svg_texts(svg, '//s:g[@class="subgroup"]/s:text') t) AS headings
FROM (SELECT forest_plot(author, source, yi, vi, 'REML', NULL ORDER BY year) AS svg FROM knee) p;
SELECT t AS drawn FROM (SELECT forest_plot(author, source, yi, vi, 'REML', NULL ORDER BY year) AS svg FROM knee) p,
       svg_texts(p.svg, '//s:g[@class="subtotal"]/s:text[@class="estimate"]') t;
SELECT g AS subgroup, format('%s [%s, %s]', round(e::numeric, 2), round(l::numeric, 2), round(h::numeric, 2)) AS meta_subgroup
FROM (SELECT (meta_subgroup(yi, vi, source)).* FROM knee) s,
     unnest(s.groups, s.estimate, s.ci_low, s.ci_high) u(g, e, l, h)
ORDER BY array_position(ARRAY['BM-MSC', 'AD-MSC', 'UC-MSC'], g);
SELECT t AS drawn FROM (SELECT forest_plot(author, source, yi, vi, 'REML', NULL) AS svg FROM knee) p,
       svg_texts(p.svg, '//s:text[@class="subgroups"]') t;
SELECT format('Q = %s (df = %s), p = %s', round(q_between::numeric, 2), df, round(pval::numeric, 3)) AS meta_subgroup
FROM (SELECT (meta_subgroup(yi, vi, source)).* FROM knee) s;
-- tau2 common: meta_subgroup's QM
SELECT t AS drawn FROM (SELECT forest_plot(author, source, yi, vi, 'DL', NULL, NULL, NULL, 'common') AS svg FROM knee) p,
       svg_texts(p.svg, '//s:text[@class="subgroups"]') t;
SELECT round(q_between::numeric, 2) AS q_between FROM (SELECT (meta_subgroup(yi, vi, source, 'DL', 'common')).* FROM knee) s;

-- Knapp-Hartung: the pooled row is meta_analysis(yi, vi, method, 'knha')
SELECT (SELECT string_agg(t, ' | ') FROM svg_texts(p.svg, '//s:g[@class="pooled"]/s:text') t) AS pooled_row,
       format('%s [%s, %s]', round(r.estimate::numeric, 2), round(r.ci_low::numeric, 2),
              round(r.ci_high::numeric, 2)) AS meta_analysis,
       (SELECT t FROM svg_texts(p.svg, '//s:text[@class="overall"]') t) AS overall
FROM (SELECT forest_plot(author, yi, vi, 'REML', NULL, 'knha', false) AS svg FROM knee) p,
     (SELECT (meta_analysis(yi, vi, 'REML', 'knha')).* FROM knee) r;
-- the prediction interval: a bar through the overall diamond, its numbers in a line
SELECT svg_count(svg, '//s:g[@class="prediction"]/s:line') AS bar_lines,
       (SELECT t FROM svg_texts(svg, '//s:text[@class="prediction"]') t) AS drawn,
       format('[%s, %s]', round(r.pi_low::numeric, 2), round(r.pi_high::numeric, 2)) AS meta_analysis
FROM (SELECT forest_plot(author, yi, vi, 'REML', NULL, 'z', true) AS svg FROM knee) p,
     (SELECT (meta_analysis(yi, vi, 'REML')).* FROM knee) r;
SELECT (SELECT t FROM svg_texts(svg, '//s:text[@class="prediction"]') t) AS drawn,
       format('[%s, %s]', round(r.pi_low::numeric, 2), round(r.pi_high::numeric, 2)) AS meta_analysis
FROM (SELECT forest_plot(author, source, yi, vi, 'REML', NULL, 'knha', true, NULL) AS svg FROM knee) p,
     (SELECT (meta_analysis(yi, vi, 'REML', 'knha')).* FROM knee) r;
-- no prediction interval unless asked
SELECT svg_count(forest_plot(author, yi, vi, 'REML', NULL, NULL, NULL), '//s:g[@class="prediction"]') AS bars FROM knee;

-- NULLs: a row without a subgroup is counted in the note, not drawn
SELECT svg_count(svg, '//s:g[@class="study"]') AS studies,
       (SELECT t FROM svg_texts(svg, '//s:text[@class="note"]') t) AS note
FROM (SELECT forest_plot(author, CASE WHEN year < 2018 THEN NULL ELSE source END, yi, vi, 'REML', NULL) AS svg
      FROM knee) p;
-- one subgroup: drawn, not tested
SELECT (SELECT t FROM svg_texts(svg, '//s:text[@class="subgroups"]') t) AS subgroups
FROM (SELECT forest_plot(author, 'all', yi, vi, 'REML', NULL) AS svg FROM knee) p;

-- errors: bad test, tau2 mode; options that change between rows; what the plot cannot draw
SELECT r.* FROM (VALUES
  ($$(SELECT forest_plot(author, yi, vi, 'REML', NULL, 'adhoc', false) FROM knee)$$),
  ($$(SELECT forest_plot(author, source, yi, vi, 'REML', NULL, 'z', false, 'pooled') FROM knee)$$),
  ($$(SELECT forest_plot(author, yi, vi, 'REML', NULL, 'z', year > 2018) FROM knee)$$),
  ($$(SELECT forest_plot(author, yi, vi, 'FE', NULL, 'z', true) FROM knee)$$),
  ($$(SELECT forest_plot(author, source, yi, vi, 'REML', NULL, 'knha', false, 'common') FROM knee)$$)
) AS t(expr), try_sql(t.expr) AS r;
SELECT forest_plot(author, yi, vi, 'REML', NULL, 'adhoc', false) FROM knee;
SELECT forest_plot(author, source, yi, vi, 'REML', NULL, 'z', false, 'pooled') FROM knee;

-- parallel plans give the serial document
CREATE TABLE many AS
SELECT i, 'trial ' || i AS label, 'group ' || (i % 3) AS grp, (sin(i) * 0.8)::float8 AS yi,
       (0.01 + (i % 7) * 0.02)::float8 AS vi
FROM generate_series(1, 30000) i;
ANALYZE many;
SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT forest_plot(label, grp, yi, vi, 'DL', NULL, 'knha', true, NULL) FROM many WHERE i % 20 = 0;
CREATE TABLE par AS SELECT forest_plot(label, grp, yi, vi, 'DL', NULL, 'knha', true, NULL) AS svg FROM many WHERE i % 20 = 0;
RESET ALL;
SET max_parallel_workers_per_gather = 0;
SELECT (SELECT string_agg(t, ' | ') FROM svg_texts(p.svg, '//s:g[@class="subtotal"]/s:text[@class="estimate"]') t)
       = (SELECT string_agg(t, ' | ') FROM svg_texts(s.svg, '//s:g[@class="subtotal"]/s:text[@class="estimate"]') t) AS same_subtotals,
       svg_count(p.svg, '//s:g[@class="study"]') AS studies
FROM par p,
     (SELECT forest_plot(label, grp, yi, vi, 'DL', NULL, 'knha', true, NULL) AS svg FROM many WHERE i % 20 = 0) s;
RESET ALL;
DROP TABLE knee, many, par;
DROP FUNCTION svg_count(text, text), svg_texts(text, text);

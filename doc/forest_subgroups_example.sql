-- The seven INVENTED knee-osteoarthritis trials of doc/forest_plot_example.sql
-- (not real data), in blocks by cell source: each source's REML diamond,
-- the overall diamond with its Knapp-Hartung interval and the 95%
-- prediction interval, and the test for subgroup differences.
SELECT forest_plot(format('%s %s (n = %s)', author, year, n1 + n2), source,
                   (e).yi, (e).vi, 'REML',
                   'SMD in knee pain at 12 months, invented data (< 0 favours MSC)',
                   'knha', true, 'separate'
                   ORDER BY source, year)
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

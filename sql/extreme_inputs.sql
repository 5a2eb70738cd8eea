-- Extreme but finite inputs (issue 17): each result is right or an error
-- 22003 naming what cannot be handled; never Infinity, NaN or a silently
-- wrong value.  The expected numbers are closed forms: with equal
-- variances v, DL's tau^2 is var(y) - v and the pooled mean is mean(y).
\set VERBOSITY default
SET extra_float_digits = 0;
-- tiny variances: tau^2 0.0433 and se 0.120 as at vi = 1e-150, not 0 and 5.8e-101
SELECT m.method, round(m.estimate::numeric, 6) AS estimate, round(m.se::numeric, 6) AS se,
       round(m.tau2::numeric, 6) AS tau2, round(m.i2::numeric, 6) AS i2, m.h2 > 1e100 AS h2_huge
FROM unnest(ARRAY['DL', 'REML', 'PM']) AS meth(method),
     LATERAL (SELECT (meta_analysis(y, 1e-200, meth.method)).* FROM unnest(ARRAY[0.1, 0.2, 0.5]::float8[]) AS y) m;
-- two identical studies with vi <= 1e-155: tau^2 is 0, not "did not converge"
SELECT method, estimate, tau2 FROM (SELECT (meta_analysis(0.3::float8, 1e-160, 'REML')).* FROM generate_series(1, 2)) m;
-- effects at +-1e308: an error naming the quantity, not a NULL estimate and an infinite tau^2
SELECT (meta_analysis(y, 1, 'DL')).estimate FROM unnest(ARRAY[1e308, -1e308]::float8[]) AS y;
-- sd_change of two huge SDs with r = 0.5 is 1e200, not 0
SELECT sd_change(1e200, 1e200, 0.5);
-- the mean of {1e308, 1e308, -1e308} is 3.33e307; its SD overflows float8: an error, not NaN
SELECT (score_summary(x)).mean FROM unnest(ARRAY[1e308, 1e308, -1e308]::float8[]) AS x;
SELECT (score_summary(x)).sd FROM unnest(ARRAY[1e308, 1e308, -1e308]::float8[]) AS x;
-- a level a hair below 1: finite bounds
SELECT round(ci_low::numeric, 6) AS ci_low, round(ci_high::numeric, 6) AS ci_high FROM wilson_ci(1, 3, 1 - 1e-16);
-- means at +-1e308: an error, not yi = vi = Infinity
SELECT smd(10, 1e308, 1, 10, -1e308, 1);
-- the forest plot of tiny variances prints a number for I^2, never -nan
SELECT position('nan' IN svg) = 0 AS no_nan, substring(svg FROM 'I&#xB2; = [^<]*') AS heterogeneity
FROM (SELECT forest_plot(s, y, 1e-200, 'DL') AS svg FROM unnest(ARRAY['A', 'B', 'C'], ARRAY[0.1, 0.2, 0.5]::float8[]) AS u(s, y)) p;

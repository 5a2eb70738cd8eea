-- Twelve INVENTED knee-osteoarthritis trials (not real data): Hedges' g of
-- the change in pain (< 0: more relief with MSC) and its variance.  The
-- small trials (large SE) all lie on the left: the asymmetry a funnel plot
-- is drawn to show.
SELECT funnel_plot(trial, g, v, 'REML')
FROM (VALUES
  ('Aster 2016', -1.32, 0.138), ('Borealis 2017', 0.05, 0.168),
  ('Corvin 2018', -0.48, 0.069), ('Delacroix 2019', -0.30, 0.090),
  ('Eskola 2020', -0.90, 0.200), ('Ferreira 2021', -0.20, 0.030),
  ('Granholm 2022', -1.10, 0.250), ('Halvorsen 2022', -0.35, 0.045),
  ('Ibarra 2023', -0.62, 0.110), ('Jansen 2023', -0.15, 0.020),
  ('Kowalski 2024', -1.45, 0.300), ('Lindqvist 2024', -0.28, 0.060)
) AS t(trial, g, v);

-- Registry, by hand: a trial entered without ctgov_import(), what is
-- derived for it, and where it shows in the analyses.
SET extra_float_digits = 0;
\set SHOW_CONTEXT never

-- ---------------------------------------------------------------
-- The condition category is derived when not given, kept when given
-- ---------------------------------------------------------------
INSERT INTO trial (trial_id, title, conditions) VALUES
  ('NCT09999911', 'Knee trial', '{Knee osteoarthritis}'),
  ('NCT09999912', 'Adipose MSCs for the painful knee', '{Osteoarthritis}'),
  ('NCT09999913', 'A trial', '{Gout}');
INSERT INTO trial (trial_id, title, conditions, condition_category) VALUES
  ('NCT09999914', 'Knee trial, filed under other', '{Knee osteoarthritis}', 'other');
SELECT trial_id, conditions, condition_category FROM trial ORDER BY trial_id;
-- conditions changed: a derived category follows them, a chosen one stays
UPDATE trial SET conditions = '{Hip osteoarthritis}' WHERE trial_id IN ('NCT09999911', 'NCT09999914');
-- set explicitly to NULL: derived again
UPDATE trial SET condition_category = NULL, conditions = '{Chronic low back pain}' WHERE trial_id = 'NCT09999913';
-- the category alone changed by hand: kept
UPDATE trial SET condition_category = 'tendinopathy' WHERE trial_id = 'NCT09999912';
SELECT trial_id, conditions, condition_category FROM trial ORDER BY trial_id;
DELETE FROM trial;

-- cell_doses_in(text): every dose a free text states, each value once, in
-- order of first mention; cell_dose_in(text) is its first (issue 15).

SELECT t, cell_doses_in(t) AS doses, cell_dose_in(t) AS first FROM (VALUES
  ('Dose : 1x10e7 cells/3mL,5x10e7 cells/3mL, 1x10e8 cells/3mL'),
  ('1-2X10^6 MSC per kg'),
  ('100-300 million allogeneic human umbilical cord derived mesenchymal stem cells'),
  ('8~10x10^6 cells/injection'),
  ('1.10^6 cells/kg; 106 cells/kg'),
  ('Twenty million cells, then one hundred million MSCs'),
  ('Nacl 0.9% 2 ml + MSC 30 million unit'),
  ('Group 1: 1 x 10^7 cells; Group 2: 5 x 10^7 cells; Group 3: 1 x 10^7 cells'),
  ('5 x 10^6 cells/mL, 2 mL injected'),
  ('20 million cells/mL'),
  ('10E6 cells/Kg'),
  ('Placebo (saline)')
) v(t);

-- the element type is cell_dose; NULL in, NULL out
SELECT pg_typeof(cell_doses_in('5e7 cells')), cell_doses_in(NULL) IS NULL AS null_in,
       cardinality(cell_doses_in('')) AS none;

-- many doses in a long text: each value once, in order of first mention
SELECT cardinality(d) AS n, d[1] AS first, d[3] AS third
FROM (SELECT cell_doses_in(string_agg(format('arm %s: %s million cells', i, i % 3 + 1), '; '))
      FROM generate_series(1, 20000) i) s(d);

-- over 1 MB is refused, as by the other classifiers
SELECT * FROM try_sql($$cell_doses_in(repeat('x', 1048577))$$);

-- over a table: the doses of each record, one row each
CREATE TEMP TABLE record(id int, description text);
INSERT INTO record VALUES
  (1, 'Low dose 1 x 10^6 cells/kg, high dose 5 x 10^6 cells/kg, intravenous'),
  (2, 'UC-MSCs 20 x 10e6 in 3 mL, intra-articular'),
  (3, 'Placebo');
SELECT id, ord, dose FROM record, unnest(cell_doses_in(description)) WITH ORDINALITY u(dose, ord)
ORDER BY id, ord;

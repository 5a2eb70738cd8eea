-- Helpers shared by the regression tests (they run in one database, in
-- name order).  try_input() casts text to a type and reports the outcome
-- as (state, result): '00000' and the output text on success, else the
-- SQLSTATE and the error message.
CREATE FUNCTION try_input(input text, typ text, OUT state text, OUT result text)
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('SELECT (%L::%s)::text', input, typ) INTO result;
  state := '00000';
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, result = MESSAGE_TEXT;
END $$;

-- try_sql() runs any expression the same way.
CREATE FUNCTION try_sql(expr text, OUT state text, OUT result text)
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('SELECT (%s)::text', expr) INTO result;
  state := '00000';
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, result = MESSAGE_TEXT;
END $$;

SELECT * FROM try_input('bone marrow', 'msc_source');
SELECT * FROM try_input('bone', 'msc_source');
SELECT * FROM try_sql('1/0');

-- Shared by the benchmark scripts: bench(sql, reps) runs sql once to warm
-- the cache, then reps times, and returns the median wall time in ms.
CREATE FUNCTION bench(sql text, reps int) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz; times float8[] := '{}';
BEGIN
  EXECUTE sql;                       -- warm the cache once
  FOR i IN 1..reps LOOP
    t0 := clock_timestamp();
    EXECUTE sql;
    times := times || (extract(epoch FROM clock_timestamp() - t0) * 1000)::float8;
  END LOOP;
  RETURN (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM unnest(times) x);
END $$;

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

-- bench_pair(ours, base, reps [, warm]) runs the two statements interleaved:
-- each once to warm the cache (unless warm is false), then reps rounds,
-- ours first in odd rounds and the baseline first in even ones, so that
-- both see the same machine over the same minutes.  Returns the median wall
-- time of each in ms.
CREATE FUNCTION bench_pair(ours text, base text, reps int, warm bool DEFAULT true,
                           OUT ours_ms float8, OUT base_ms float8) LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz; a float8[] := '{}'; b float8[] := '{}';
BEGIN
  IF warm THEN EXECUTE ours; EXECUTE base; END IF;
  FOR i IN 1..reps LOOP
    IF i % 2 = 1 THEN
      t0 := clock_timestamp(); EXECUTE ours;
      a := a || (extract(epoch FROM clock_timestamp() - t0) * 1000)::float8;
      t0 := clock_timestamp(); EXECUTE base;
      b := b || (extract(epoch FROM clock_timestamp() - t0) * 1000)::float8;
    ELSE
      t0 := clock_timestamp(); EXECUTE base;
      b := b || (extract(epoch FROM clock_timestamp() - t0) * 1000)::float8;
      t0 := clock_timestamp(); EXECUTE ours;
      a := a || (extract(epoch FROM clock_timestamp() - t0) * 1000)::float8;
    END IF;
  END LOOP;
  ours_ms := (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM unnest(a) x);
  base_ms := (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM unnest(b) x);
END $$;

-- one timed run of a statement, in ms (for comparisons driven from outside)
CREATE FUNCTION bench_once(sql text) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz := clock_timestamp();
BEGIN
  EXECUTE sql;
  RETURN extract(epoch FROM clock_timestamp() - t0) * 1000;
END $$;

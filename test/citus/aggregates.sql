-- Every aggregate of msc_registry on Citus: one call per aggregate over
-- agg_input (distributed by id), grouped by g.  The list of aggregates comes
-- from the catalogue: an aggregate without a call here fails the check.
CREATE TEMP TABLE calls (sig text PRIMARY KEY, call text NOT NULL);
INSERT INTO calls VALUES
  ('change_summary(pain_score,pain_score)', 'change_summary(score, score2)'),
  ('egger_test(double precision,double precision)', 'egger_test(4 * yi, vi)'),
  ('egger_test(double precision,double precision,text)', 'egger_test(yi, vi, ''lm'')'),
  ('forest_plot(text,double precision,double precision,text)', 'forest_plot(label, yi, vi, ''DL'')'),
  ('forest_plot(text,double precision,double precision,text,text)', 'forest_plot(label, yi, vi, ''REML'', ''SMD'')'),
  ('forest_plot(text,double precision,double precision,text,text,text,boolean)',
   'forest_plot(label, yi, vi, ''REML'', ''SMD'', ''knha'', true)'),
  ('forest_plot(text,text,double precision,double precision,text,text)', 'forest_plot(label, sub, yi, vi, ''DL'', ''SMD'')'),
  ('forest_plot(text,text,double precision,double precision,text,text,text,boolean,text)',
   'forest_plot(label, sub, yi, vi, ''REML'', ''SMD'', ''knha'', true, ''separate'')'),
  ('funnel_plot(text,double precision,double precision)', 'funnel_plot(label, yi, vi)'),
  ('funnel_plot(text,double precision,double precision,text)', 'funnel_plot(label, yi, vi, ''DL'')'),
  ('meta_analysis(double precision,double precision)', 'meta_analysis(yi, vi)'),
  ('meta_analysis(double precision,double precision,text)', 'meta_analysis(yi, vi, ''DL'')'),
  ('meta_analysis(double precision,double precision,text,text)', 'meta_analysis(yi, vi, ''REML'', ''knha'')'),
  ('meta_analysis(effect)', 'meta_analysis(eff)'),
  ('meta_analysis(effect,text)', 'meta_analysis(eff, ''PM'')'),
  ('meta_analysis(effect,text,text)', 'meta_analysis(eff, ''DL'', ''knha'')'),
  ('meta_analysis(effect,text,text,double precision)', 'meta_analysis(eff, ''REML'', ''z'', 90)'),
  ('meta_analysis(effect,text,text,double precision,text)', 'meta_analysis(eff, ''PM'', ''knha'', 95, ''riley'')'),
  ('meta_analysis(double precision,double precision,text,text,double precision)',
   'meta_analysis(yi, vi, ''REML'', ''z'', 90)'),
  ('meta_analysis(double precision,double precision,text,text,double precision,text)',
   'meta_analysis(yi, vi, ''REML'', ''knha'', 95, ''riley'')'),
  ('meta_mh(integer,integer,integer,integer,text)', 'meta_mh(a, b, c, d, ''RR'')'),
  ('meta_mh(integer,integer,integer,integer,text,double precision,text,boolean)',
   'meta_mh(a, b, c, d, ''OR'', 0.5, ''all'', false)'),
  ('meta_mh(integer,integer,integer,integer,text,double precision)', 'meta_mh(a, b, c, d, ''RD'', 90)'),
  ('meta_peto(integer,integer,integer,integer)', 'meta_peto(a, b, c, d)'),
  ('meta_peto(integer,integer,integer,integer,double precision)', 'meta_peto(a, b, c, d, 90)'),
  ('meta_prop(integer,integer)', 'meta_prop(xe, ne)'),
  ('meta_prop(integer,integer,text)', 'meta_prop(xe, ne, ''PLO'')'),
  ('meta_prop(integer,integer,text,text)', 'meta_prop(xe, ne, ''PFT'', ''DL'')'),
  ('meta_prop(integer,integer,text,text,text)', 'meta_prop(xe, ne, ''PLO'', ''REML'', ''knha'')'),
  ('meta_prop(integer,integer,text,text,text,double precision)', 'meta_prop(xe, ne, ''PAS'', ''DL'', ''z'', 90)'),
  ('meta_regression(double precision,double precision,double precision[])', 'meta_regression(yi, vi, mods)'),
  ('meta_regression(double precision,double precision,double precision[],text)', 'meta_regression(yi, vi, mods, ''DL'')'),
  ('meta_regression(double precision,double precision,double precision[],text,text)',
   'meta_regression(yi, vi, mods, ''REML'', ''knha'')'),
  ('meta_regression(effect,double precision[])', 'meta_regression(eff, mods)'),
  ('meta_regression(effect,double precision[],text)', 'meta_regression(eff, mods, ''FE'')'),
  ('meta_regression(effect,double precision[],text,text)', 'meta_regression(eff, mods, ''PM'', ''z'')'),
  ('meta_subgroup(double precision,double precision,text)', 'meta_subgroup(yi, vi, sub)'),
  ('meta_subgroup(double precision,double precision,text,text)', 'meta_subgroup(yi, vi, sub, ''DL'')'),
  ('meta_subgroup(double precision,double precision,text,text,text)', 'meta_subgroup(yi, vi, sub, ''REML'', ''common'')'),
  ('pain_auc(double precision,double precision)', 'pain_auc(t, x)'),
  ('pain_auc(double precision,pain_score)', 'pain_auc(t, score)'),
  ('proportion_ci(boolean)', 'proportion_ci(flag)'),
  ('rank_test(double precision,double precision)', 'rank_test(yi, vi)'),
  ('score_summary(double precision)', 'score_summary(x)'),
  ('score_summary(pain_score)', 'score_summary(score)'),
  ('spid(double precision,double precision)', 'spid(t, x)'),
  ('spid(double precision,double precision,text)', 'spid(t, x, ''rect'')'),
  ('spid(double precision,pain_score)', 'spid(t, score)'),
  ('spid(double precision,pain_score,text)', 'spid(t, score, ''trapezoid'')'),
  ('totpar(double precision,pain_score)', 'totpar(t, relief)'),
  ('totpar(double precision,pain_score,text)', 'totpar(t, relief, ''rect'')'),
  ('trim_fill(double precision,double precision)', 'trim_fill(4 * yi, vi)'),
  ('trim_fill(double precision,double precision,text)', 'trim_fill(yi, vi, ''DL'')'),
  ('trim_fill(double precision,double precision,text,text)', 'trim_fill(4 * yi, vi, ''REML'', ''R0'')'),
  ('trim_fill(double precision,double precision,text,text,text)', 'trim_fill(yi, vi, ''FE'', ''L0'', ''left'')'),
  ('min(msc_source)', 'min(src)'), ('max(msc_source)', 'max(src)'),
  ('min(msc_route)', 'min(rt)'), ('max(msc_route)', 'max(rt)'),
  ('min(pain_score)', 'min(score)'), ('max(pain_score)', 'max(score)'),
  ('min(cell_dose)', 'min(dose)'), ('max(cell_dose)', 'max(dose)'),
  ('min(trial_id)', 'min(tid)'), ('max(trial_id)', 'max(tid)');

-- the first difference between two results (jsonb of the rows): path and
-- values; numbers equal to 1e-12 relative, everything else exactly
CREATE FUNCTION pg_temp.diff(a jsonb, b jsonb, path text DEFAULT '') RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    k text;
    r text;
    x float8;
    y float8;
BEGIN
    IF jsonb_typeof(a) IS DISTINCT FROM jsonb_typeof(b) THEN
        RETURN path || ': ' || coalesce(a::text, 'NULL') || ' <> ' || coalesce(b::text, 'NULL');
    ELSIF jsonb_typeof(a) = 'object' THEN
        FOR k IN SELECT jsonb_object_keys(a) UNION SELECT jsonb_object_keys(b) LOOP
            r := pg_temp.diff(a -> k, b -> k, path || '.' || k);
            IF r IS NOT NULL THEN RETURN r; END IF;
        END LOOP;
    ELSIF jsonb_typeof(a) = 'array' THEN
        IF jsonb_array_length(a) <> jsonb_array_length(b) THEN
            RETURN path || ': arrays of ' || jsonb_array_length(a) || ' and ' || jsonb_array_length(b);
        END IF;
        FOR i IN 0 .. jsonb_array_length(a) - 1 LOOP
            r := pg_temp.diff(a -> i, b -> i, path || '[' || i || ']');
            IF r IS NOT NULL THEN RETURN r; END IF;
        END LOOP;
    ELSIF jsonb_typeof(a) = 'number' THEN
        x := a::text::float8;
        y := b::text::float8;
        IF x <> y AND abs(x - y) > 1e-12 * greatest(abs(x), abs(y)) THEN
            RETURN path || ': ' || a::text || ' <> ' || b::text;
        END IF;
    ELSIF a <> b THEN
        RETURN path || ': ' || left(a::text, 80) || ' <> ' || left(b::text, 80);
    END IF;
    RETURN NULL;
END $$;

-- the largest relative difference of two results' numbers
CREATE FUNCTION pg_temp.maxrel(a jsonb, b jsonb) RETURNS float8
LANGUAGE sql AS $$
    SELECT coalesce(max(abs(x.v::text::float8 - y.v::text::float8)
                        / nullif(greatest(abs(x.v::text::float8), abs(y.v::text::float8)), 0)), 0)
    FROM jsonb_path_query(a, 'strict $.**') WITH ORDINALITY x(v, i)
    JOIN jsonb_path_query(b, 'strict $.**') WITH ORDINALITY y(v, i) USING (i)
    WHERE jsonb_typeof(x.v) = 'number' AND jsonb_typeof(y.v) = 'number'
$$;

-- forest_plot draws its studies in the order the rows come; the
-- coordinator meets the workers' partial states in no fixed order, so an
-- SVG is also compared as the sorted list of its texts (labels, numbers)
CREATE FUNCTION pg_temp.svg_texts(j jsonb) RETURNS jsonb
LANGUAGE sql AS $$
    SELECT jsonb_object_agg(key, CASE WHEN value #>> '{}' LIKE '<?xml%'
                                      THEN to_jsonb(ARRAY(SELECT m[1] FROM regexp_matches(value #>> '{}', '>([^<>]*)</text>', 'g') m
                                                          ORDER BY 1))
                                      ELSE value END)
    FROM jsonb_each(j)
$$;

-- the result of a query, or its error (shown; a group count of 1: fails)
CREATE FUNCTION pg_temp.result(q text) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
    r jsonb;
    st text;
    msg text;
BEGIN
    EXECUTE q INTO r;
    RETURN r;
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
    RETURN jsonb_build_object('error', st || ': ' || msg);
END $$;

CREATE TEMP TABLE agg_check (sig text, on_workers text, groups int, diff text, maxrel float8, order_only bool,
                             dist_error text);
DO $$
DECLARE
    s record;
    line text;
    worker_query text;
    how text;
    dist jsonb;
    single jsonb;
BEGIN
    FOR s IN
        SELECT p.oid::regprocedure::text AS sig, c.call
        FROM pg_aggregate a
        JOIN pg_proc p ON p.oid = a.aggfnoid
        JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
        JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'msc_registry'
        LEFT JOIN calls c ON c.sig = p.oid::regprocedure::text
        ORDER BY 1
    LOOP
        IF s.call IS NULL THEN
            INSERT INTO agg_check VALUES (s.sig, 'no call in test/citus/aggregates.sql', NULL, 'untested', NULL);
            CONTINUE;
        END IF;
        worker_query := NULL;
        FOR line IN EXECUTE format('EXPLAIN (VERBOSE, COSTS OFF) SELECT g, %s FROM agg_input GROUP BY g', s.call) LOOP
            IF line ~ '^\s*Query: ' AND worker_query IS NULL THEN worker_query := line; END IF;
        END LOOP;
        how := CASE WHEN worker_query ~ 'worker_binary_partial_agg\(' THEN 'worker_binary_partial_agg'
                    WHEN worker_query ~ 'worker_partial_agg\(' THEN 'worker_partial_agg'
                    WHEN worker_query ~ (split_part(s.sig, '(', 1) || '\(') THEN split_part(s.sig, '(', 1) || ' on the workers'
                    ELSE 'rows gathered: ' || coalesce(left(worker_query, 120), 'no worker query') END;
        dist := pg_temp.result(format('SELECT jsonb_object_agg(g, r) FROM (SELECT g, to_jsonb(%s) AS r FROM agg_input GROUP BY g) x', s.call));
        single := pg_temp.result(format('SELECT jsonb_object_agg(g, r) FROM (SELECT g, to_jsonb(%s) AS r FROM agg_input_local GROUP BY g) x', s.call));
        INSERT INTO agg_check VALUES (s.sig, how, (SELECT count(*) FROM jsonb_object_keys(dist)),
                                      pg_temp.diff(pg_temp.svg_texts(dist), pg_temp.svg_texts(single)),
                                      pg_temp.maxrel(dist, single), pg_temp.diff(dist, single) IS NOT NULL,
                                      dist ->> 'error');
    END LOOP;
END $$;

\pset footer off
SELECT sig AS aggregate, on_workers, groups,
       coalesce(diff, CASE WHEN dist_error IS NOT NULL THEN 'both: ' || dist_error
                           WHEN order_only THEN 'same texts, studies in another order'
                           WHEN maxrel = 0 THEN 'identical' ELSE 'equal, max rel. diff ' || maxrel END) AS "against one node"
FROM agg_check ORDER BY 1;
SELECT count(*) AS aggregates,
       count(*) FILTER (WHERE on_workers ~ '^worker_binary_partial_agg') AS binary_partial,
       count(*) FILTER (WHERE on_workers ~ 'on the workers$') AS by_name,
       count(*) FILTER (WHERE diff IS NULL AND maxrel = 0 AND NOT order_only) AS identical,
       max(maxrel) AS max_rel_diff
FROM agg_check;
DO $$
DECLARE bad text;
BEGIN
    SELECT string_agg(sig, ', ') INTO bad FROM agg_check
    WHERE diff IS NOT NULL OR groups IS DISTINCT FROM 8
       OR on_workers !~ '^worker_binary_partial_agg|^worker_partial_agg|on the workers$';
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'aggregates not computed on the workers or not equal to one node: %', bad;
    END IF;
END $$;

-- the registry itself: score_summary and change_summary per arm and week
-- (grouped by arm: not the distribution column), against the local copies
\set per_week 'SELECT p.arm_id, s.week, score_summary(s.score) AS s FROM ASSESSMENT s JOIN PARTICIPANT p USING (participant_id) WHERE s.instrument = ''vas'' GROUP BY p.arm_id, s.week'
\set change 'SELECT p.arm_id, f.week, change_summary(b.score, f.score) AS s FROM ASSESSMENT b JOIN ASSESSMENT f ON f.participant_id = b.participant_id AND f.instrument = b.instrument JOIN PARTICIPANT p ON p.participant_id = b.participant_id WHERE b.week = 0 AND f.week > 0 AND b.instrument = ''vas'' GROUP BY p.arm_id, f.week'
CREATE TEMP TABLE registry_queries (what, sql) AS
VALUES ('score_summary per arm and week', :'per_week'), ('change_summary per arm and week', :'change');
CREATE TEMP TABLE registry_check (what text, on_workers bool, dist jsonb, single jsonb);
DO $$
DECLARE
    q record;
    plan text;
    d jsonb;
    l jsonb;
BEGIN
    FOR q IN SELECT * FROM registry_queries LOOP
        plan := '';
        FOR plan IN EXECUTE 'EXPLAIN (VERBOSE, COSTS OFF) '
                            || replace(replace(q.sql, 'ASSESSMENT', 'assessment'), 'PARTICIPANT', 'participant') LOOP
            EXIT WHEN plan ~ 'worker_binary_partial_agg';
        END LOOP;
        EXECUTE format('SELECT jsonb_object_agg(arm_id || '':'' || week, to_jsonb(s)) FROM (%s) x',
                       replace(replace(q.sql, 'ASSESSMENT', 'assessment'), 'PARTICIPANT', 'participant')) INTO d;
        EXECUTE format('SELECT jsonb_object_agg(arm_id || '':'' || week, to_jsonb(s)) FROM (%s) x',
                       replace(replace(q.sql, 'ASSESSMENT', 'assessment_local'), 'PARTICIPANT', 'participant_local')) INTO l;
        INSERT INTO registry_check VALUES (q.what, plan ~ 'worker_binary_partial_agg', d, l);
    END LOOP;
END $$;
SELECT what, on_workers AS "worker_binary_partial_agg", (SELECT count(*) FROM jsonb_object_keys(dist)) AS groups,
       coalesce(pg_temp.diff(dist, single), 'equal, max rel. diff ' || pg_temp.maxrel(dist, single)) AS "against one node"
FROM registry_check;
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM registry_check WHERE NOT on_workers OR pg_temp.diff(dist, single) IS NOT NULL
                                              OR (SELECT count(*) FROM jsonb_object_keys(dist)) = 0) THEN
        RAISE EXCEPTION 'the registry''s summaries are not computed on the workers or differ from one node';
    END IF;
END $$;

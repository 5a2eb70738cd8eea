#!/usr/bin/env bash
# Scale-out with PostgreSQL's own foreign data wrapper: three throw-away
# clusters on loopback (a coordinator and two shards).  The coordinator holds
# assessments and site_effects partitioned by trial (LIST on trial_id), each
# partition a postgres_fdw foreign table on one of the shards; the foreign
# servers are declared with `extensions 'msc_registry'`, so postgres_fdw may
# ship our types, functions and aggregates.  The script
#   - prints EXPLAIN VERBOSE of per-trial score_summary, change_summary (over
#     a partitionwise join) and meta_analysis, and fails unless each shard's
#     Remote SQL contains the aggregate (the aggregation runs on the shards);
#   - runs the same queries on a single-node copy of the rows and fails
#     unless the results are identical (text of every float8: bit for bit;
#     the per-trial calls say ORDER BY participant, so that both runs add
#     the same numbers in the same order: SQL leaves an aggregate's input
#     order open, and a float sum depends on it);
#   - runs score_summary over all trials (not grouped by the partition key):
#     PostgreSQL 15 cannot push partial aggregates through postgres_fdw, so
#     the coordinator aggregates each partition's rows and merges the
#     partial states with our combine function; checked to 1e-12 relative
#     (merged moments round differently from one running sum);
#   - stops the clusters and removes their directories, also on failure.
#
#   bench/scaleout.sh [--installed] [participants_per_arm]
#
# By default it builds this checkout into build/destdir and the servers load
# the extension from there (extension_destdir, dynamic_library_path), as
# scripts/dev-check.sh does; --installed uses the extension installed in the
# system (scripts/test.sh, after `make install`).  Run as root (the servers
# run as the postgres user) or as the postgres user; the clusters come from
# test/lib.sh.  About 6 s on 2 cores with the default 40.
set -euo pipefail
cd "$(dirname "$0")/.."

installed=0
if [ "${1:-}" = "--installed" ]; then installed=1; shift; fi
per_arm="${1:-40}"
case "$per_arm" in ''|*[!0-9]*) echo "usage: $0 [--installed] [participants_per_arm]" >&2; exit 2;; esac

. test/lib.sh
if [ $installed = 1 ]; then cluster_setup --installed; else cluster_setup; fi
declare -A port
for n in coord shard1 shard2; do
  cluster_start $n -c fsync=off
  port[$n]=$(cluster_port $n)
done
echo "scaleout: coordinator on port ${port[coord]}, shards on ${port[shard1]} and ${port[shard2]}"

q() { cluster_psql "$@"; }
for n in coord shard1 shard2; do
  q "$n" -d postgres -c "CREATE DATABASE registry"
  q "$n" -d registry -c "CREATE EXTENSION msc_registry"
done

# 12 trials: NCT90000001..06 on shard1, NCT90000007..12 on shard2
shard1_trials=$(printf "'NCT9000000%d'," 1 2 3 4 5 6); shard1_trials=${shard1_trials%,}
shard2_trials="'NCT90000007','NCT90000008','NCT90000009','NCT90000010','NCT90000011','NCT90000012'"

# the shards: plain tables, the coordinator's partitions point at them
for s in 1 2; do
  q shard$s -d registry <<'EOF'
CREATE TABLE assessments (trial trial_id NOT NULL, arm text NOT NULL, site int NOT NULL,
                          participant int NOT NULL, week int NOT NULL, score pain_score NOT NULL,
                          PRIMARY KEY (trial, participant, week));
CREATE TABLE site_effects (trial trial_id NOT NULL, site int NOT NULL, g effect NOT NULL,
                           PRIMARY KEY (trial, site));
EOF
done

q coord -d registry <<EOF
CREATE EXTENSION postgres_fdw;
CREATE SERVER shard1 FOREIGN DATA WRAPPER postgres_fdw
    OPTIONS (host '127.0.0.1', port '${port[shard1]}', dbname 'registry', extensions 'msc_registry',
             use_remote_estimate 'true');
CREATE SERVER shard2 FOREIGN DATA WRAPPER postgres_fdw
    OPTIONS (host '127.0.0.1', port '${port[shard2]}', dbname 'registry', extensions 'msc_registry',
             use_remote_estimate 'true');
CREATE USER MAPPING FOR postgres SERVER shard1 OPTIONS (user 'postgres');
CREATE USER MAPPING FOR postgres SERVER shard2 OPTIONS (user 'postgres');

CREATE TABLE assessments (trial trial_id NOT NULL, arm text NOT NULL, site int NOT NULL,
                          participant int NOT NULL, week int NOT NULL, score pain_score NOT NULL)
    PARTITION BY LIST (trial);
CREATE FOREIGN TABLE assessments_1 PARTITION OF assessments FOR VALUES IN ($shard1_trials)
    SERVER shard1 OPTIONS (table_name 'assessments');
CREATE FOREIGN TABLE assessments_2 PARTITION OF assessments FOR VALUES IN ($shard2_trials)
    SERVER shard2 OPTIONS (table_name 'assessments');

CREATE TABLE site_effects (trial trial_id NOT NULL, site int NOT NULL, g effect NOT NULL)
    PARTITION BY LIST (trial);
CREATE FOREIGN TABLE site_effects_1 PARTITION OF site_effects FOR VALUES IN ($shard1_trials)
    SERVER shard1 OPTIONS (table_name 'site_effects');
CREATE FOREIGN TABLE site_effects_2 PARTITION OF site_effects FOR VALUES IN ($shard2_trials)
    SERVER shard2 OPTIONS (table_name 'site_effects');

-- the single-node reference: the same rows in plain local tables
CREATE TABLE assessments_local (LIKE assessments, PRIMARY KEY (trial, participant, week));
CREATE TABLE site_effects_local (LIKE site_effects, PRIMARY KEY (trial, site));

-- deterministic data: 12 trials x 2 arms x $per_arm participants at 8 sites, VAS 0-100
-- at weeks 0, 4, 12, 24; the MSC arm improves more than the control arm
INSERT INTO assessments_local
SELECT format('NCT%s', 90000000 + t)::trial_id, arm, 1 + (p / 2) % 8, p, week,
       ('vas:' || greatest(0, least(100, round(base - gain * week / 24.0
                                           + ((t * 7919 + p * 104729 + week * 31) % 21 - 10), 1))))::pain_score
FROM generate_series(1, 12) t,
     generate_series(1, 2 * $per_arm) p,
     LATERAL (SELECT CASE WHEN p % 2 = 0 THEN 'msc' ELSE 'control' END AS arm,
                     40 + (t * 13 + p * 17) % 50 AS base) a,
     LATERAL (SELECT CASE WHEN arm = 'msc' THEN 15 + t % 7 ELSE 5 + t % 3 END AS gain) g,
     unnest(ARRAY[0, 4, 12, 24]) week;

-- per-site effect of the MSC arm against control at week 24 (Hedges' g)
INSERT INTO site_effects_local
SELECT trial, site, smd(m.n::int, m.mean, m.sd, c.n::int, c.mean, c.sd)
FROM (SELECT trial, site, (s).n, (s).mean, (s).sd
      FROM (SELECT trial, site, score_summary(score) AS s FROM assessments_local
            WHERE week = 24 AND arm = 'msc' GROUP BY trial, site) x) m
JOIN (SELECT trial, site, (s).n, (s).mean, (s).sd
      FROM (SELECT trial, site, score_summary(score) AS s FROM assessments_local
            WHERE week = 24 AND arm = 'control' GROUP BY trial, site) x) c USING (trial, site);

-- the same rows, in the same order, through the partitions to the shards
INSERT INTO assessments SELECT * FROM assessments_local ORDER BY trial, participant, week;
INSERT INTO site_effects SELECT * FROM site_effects_local ORDER BY trial, site;
EOF
for s in 1 2; do q shard$s -d registry -c "VACUUM ANALYZE"; done
q coord -d registry -c "ANALYZE"

echo "scaleout: $(q coord -d registry -Atc "SELECT count(*) FROM assessments") assessments" \
     "($(q shard1 -d registry -Atc "SELECT count(*) FROM assessments") on shard1," \
     "$(q shard2 -d registry -Atc "SELECT count(*) FROM assessments") on shard2)," \
     "$(q coord -d registry -Atc "SELECT count(*) FROM site_effects") site effects"

settings="SET enable_partitionwise_aggregate = on; SET enable_partitionwise_join = on;"
# the per-trial queries; TABLE_A / TABLE_E become the distributed or the local tables
declare -A query agg
query[score_summary]="SELECT trial, arm, week, score_summary(score ORDER BY participant) AS summary
  FROM TABLE_A GROUP BY trial, arm, week"
agg[score_summary]="score_summary("
query[change_summary]="SELECT b.trial, b.arm, f.week, change_summary(b.score, f.score ORDER BY b.participant) AS change
  FROM TABLE_A b JOIN TABLE_A f ON f.trial = b.trial AND f.participant = b.participant
 WHERE b.week = 0 AND f.week > 0 GROUP BY b.trial, b.arm, f.week"
agg[change_summary]="change_summary("
query[meta_analysis]="SELECT trial, meta_analysis(g) AS pooled_sites
  FROM TABLE_E GROUP BY trial"
agg[meta_analysis]="meta_analysis("

status=0
for name in score_summary change_summary meta_analysis; do
  dist=${query[$name]//TABLE_A/assessments}; dist=${dist//TABLE_E/site_effects}
  local_q=${query[$name]//TABLE_A/assessments_local}; local_q=${local_q//TABLE_E/site_effects_local}
  echo
  echo "== $name per trial: EXPLAIN VERBOSE on the coordinator"
  plan=$(q coord -d registry -At -c "$settings" -c "EXPLAIN (VERBOSE, COSTS OFF) $dist")
  echo "$plan"
  remote=$(grep "Remote SQL: SELECT " <<<"$plan" | grep -c -F "public.${agg[$name]}" || true)
  if [ "$remote" = 2 ]; then
    echo "-- pushed down: both shards' Remote SQL run ${agg[$name]}...)"
  else
    echo "FAIL: $name is not computed on both shards (Remote SQL with it: $remote of 2)"; status=1
  fi
  # same rows, same text: float8 printed shortest-exact, so equal text = equal bits
  cmp=$(q coord -d registry -At -c "$settings" -c "
    CREATE TEMP TABLE r_dist AS SELECT x::text AS r FROM ($dist) x;
    CREATE TEMP TABLE r_single AS SELECT x::text AS r FROM ($local_q) x;
    SELECT (SELECT count(*) FROM r_dist) || ' ' || (SELECT count(*) FROM r_single) || ' '
        || (SELECT count(*) FROM ((TABLE r_dist EXCEPT ALL TABLE r_single)
                                  UNION ALL (TABLE r_single EXCEPT ALL TABLE r_dist)) d);")
  read -r n_dist n_single n_diff <<<"$cmp"
  if [ "$n_diff" = 0 ] && [ "$n_dist" = "$n_single" ] && [ "$n_dist" -gt 0 ]; then
    echo "-- results: $n_dist rows, identical to the single-node run (every float8 bit for bit)"
    q coord -d registry -c "$settings" -c "$dist ORDER BY 1, 2 LIMIT 2"
  else
    echo "FAIL: $name: $n_dist rows distributed, $n_single single-node, $n_diff differ"; status=1
  fi
done

echo
echo "== score_summary over all trials (not grouped by the partition key)"
all_q="SELECT arm, week, score_summary(score) AS s FROM TABLE_A GROUP BY arm, week"
plan=$(q coord -d registry -At -c "$settings" -c "EXPLAIN (VERBOSE, COSTS OFF) ${all_q//TABLE_A/assessments}")
echo "$plan"
if grep -q "Partial HashAggregate\|Partial GroupAggregate" <<<"$plan" && grep -q "Finalize" <<<"$plan"; then
  echo "-- partial aggregates per partition on the coordinator, merged with score_summary_combine"
else
  echo "FAIL: expected partial aggregation per partition"; status=1
fi
cmp=$(q coord -d registry -At -c "$settings" -c "
  WITH d AS (${all_q//TABLE_A/assessments}), l AS (${all_q//TABLE_A/assessments_local})
  SELECT count(*), count(*) FILTER (WHERE (d.s).n = (l.s).n AND (d.s).min = (l.s).min AND (d.s).max = (l.s).max
                                     AND (d.s).instrument = (l.s).instrument),
         count(*) FILTER (WHERE d.s::text = l.s::text),
         max(greatest(abs((d.s).mean - (l.s).mean) / abs((l.s).mean),
                      abs((d.s).sd - (l.s).sd) / (l.s).sd, abs((d.s).se - (l.s).se) / (l.s).se))
  FROM d JOIN l USING (arm, week)")
IFS='|' read -r n n_exact_counts n_identical maxrel <<<"$cmp"
echo "-- $n groups; n, min, max equal in $n_exact_counts; text identical in $n_identical;" \
     "largest relative difference of mean, sd, se: $maxrel"
if [ "$n" -gt 0 ] && [ "$n_exact_counts" = "$n" ] &&
   awk -v m="$maxrel" 'BEGIN { exit !(m + 0 <= 1e-12) }'; then
  echo "-- equal to the single-node run within 1e-12 relative"
else
  echo "FAIL: merged partial aggregates differ from the single-node run"; status=1
fi

echo
if [ $status = 0 ]; then echo "scaleout: ok"; else echo "scaleout: FAILED"; fi
exit $status

#!/usr/bin/env bash
# Run every test of msc_registry on this machine, from a fresh clone:
# install what is missing, build warning-free, install, run the core unit
# tests under AddressSanitizer and UBSan, then start a throw-away cluster
# (pg_virtualenv; the server runs as the postgres user) and run the
# pg_regress suite and the pgTAP suite against it.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh

echo "== build (warnings are errors)"
make -s clean >/dev/null
make -s 2>&1 | tee /tmp/msc_registry_build.log
if grep -q "warning:" /tmp/msc_registry_build.log; then
  echo "the build printed warnings" >&2; exit 1
fi
make -s install install-old-releases

echo "== META.json: valid JSON, PGXN meta-spec 1.0.0, in step with the control file"
perl -MJSON::PP -e '
  local $/; open my $f, "<", "META.json" or die; my $m = decode_json(<$f>);
  my ($v) = `grep default_version msc_registry.control` =~ /\x27(.*)\x27/;
  for my $k (qw(name abstract version maintainer license provides meta-spec)) { die "META.json lacks $k\n" unless $m->{$k} }
  die "META.json version $m->{version} is not the control file version $v\n" unless $m->{version} eq $v;
  die "provides.msc_registry.version is not $v\n" unless $m->{provides}{msc_registry}{version} eq $v;
  die "meta-spec is not 1.0.0\n" unless $m->{"meta-spec"}{version} eq "1.0.0";
  print "META.json ok: version $v\n";'

echo "== the examples of README.md, doc/*.md and bench/README.md are run by the regression tests"
perl scripts/check_readme.pl

echo "== core unit tests (ASan + UBSan)"
make -s coretest

echo "== fuzz targets (libFuzzer + ASan + UBSan, 15 s each; scripts/fuzz.sh)"
scripts/fuzz.sh 15

echo "== scale-out: a coordinator and two shards over postgres_fdw (bench/scaleout.sh, about 6 s)"
bench/scaleout.sh --installed > build/scaleout.out 2>&1 || { cat build/scaleout.out; exit 1; }
grep -E "^(-- |scaleout: )" build/scaleout.out

echo "== load test, short form: pgbench, 8 clients, 10 s (test/load.sh; bench/README.md has figures from 60 s)"
test/load.sh --installed 10 > build/load.out 2>&1 || { cat build/load.out; exit 1; }
grep -E "^(load: |tps|number of (failed|transactions))" build/load.out

echo "== SQL tests on a throw-away cluster"
pg_virtualenv -t bash -c '
  set -euo pipefail
  status=0
  make -s installcheck || { status=1; cat regression.diffs 2>/dev/null | head -200; }
  createdb msc_tap
  psql -q -X -v ON_ERROR_STOP=1 -d msc_tap -c "CREATE EXTENSION pgtap; CREATE EXTENSION msc_registry;"
  pg_prove -d msc_tap --ext .sql -r test/pgtap || status=1
  test/forest_plot.sh || status=1
  test/ctgov_import.sh || status=1
  test/hostile_import.sh || status=1
  test/upgrade.sh || status=1
  test/lossless.sh || status=1
  test/dump_restore.sh || status=1
  test/security.sh || status=1
  # the demo runs cleanly (its expected errors aside) and writes a well-formed forest plot
  createdb msc_demo
  if psql -X -q -v ON_ERROR_STOP=1 -d msc_demo -f scripts/demo.sql > build/demo.out 2>&1 &&
     grep -q "pooled pain effect" build/demo.out && xmllint --noout build/demo_forest.svg; then
    echo "demo: ran, $(grep -c "^ERROR\|ERROR:" build/demo.out) expected errors shown, forest plot well-formed"
  else
    echo "demo: failed (build/demo.out)"; tail -20 build/demo.out; status=1
  fi
  exit $status
'

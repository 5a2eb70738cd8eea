# msc_registry — PGXS build.
#
# The install script is assembled from src/sql/*.sql (in name order); a line
# "--@ordered_type T" expands src/sql/ordered_type.sql.in for type T.
# META.json is checked against the control file's version on every build.

EXTENSION   = msc_registry
EXTVERSION  = $(shell sed -n "s/^default_version = '\(.*\)'/\1/p" $(EXTENSION).control)

MODULE_big  = msc_registry
CORE_SRCS   = $(sort $(wildcard src/core/*.c))
PG_SRCS     = $(sort $(wildcard src/pg/*.c))
OBJS        = $(CORE_SRCS:.c=.o) $(PG_SRCS:.c=.o)

SQL_PIECES  = $(sort $(wildcard src/sql/*.sql))
DATA_built  = build/$(EXTENSION)--$(EXTVERSION).sql
# the upgrade scripts between releases: written out (upgrades/*.sql), or
# assembled from pieces of src/sql (upgrades/*.sql.in, "--@include FILE")
UPGRADES_IN = $(sort $(wildcard src/sql/upgrades/*.sql.in))
DATA        = $(sort $(wildcard src/sql/upgrades/*.sql))
DATA_built += $(patsubst src/sql/upgrades/%.sql.in,build/%.sql,$(UPGRADES_IN))
# build/pg17-root (scripts/pg17-check.sh) is kept: it is slow to make, and
# rm -rf must never walk into it should its /dev or /proc still be mounted
EXTRA_CLEAN = $(filter-out build/pg17-root,$(wildcard build/*)) test/core/build

# the user's documentation, installed into $(docdir)/extension/msc_registry
# (docmoduledir, set below: PGXS would put the files straight into the
# directory every extension shares)
DOCS        = README.md CHANGELOG.md LICENSE $(sort $(wildcard doc/*.md))

REGRESS      = $(patsubst sql/%.sql,%,$(sort $(wildcard sql/*.sql)))
REGRESS_OPTS = --load-extension=$(EXTENSION)

PG_CFLAGS   = -std=gnu99 -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers -Werror=implicit-function-declaration

PG_CONFIG  ?= pg_config
PGXS       := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)
docmoduledir := extension/$(EXTENSION)

# every object depends on every header (PGXS tracks none without --enable-depend)
$(OBJS): $(wildcard src/core/*.h src/pg/*.h)

build/$(EXTENSION)--$(EXTVERSION).sql: $(SQL_PIECES) src/sql/ordered_type.sql.in src/sql/schema_check.sql.in $(EXTENSION).control META.json
	@mkdir -p build
	@grep -q '"version": "$(EXTVERSION)"' META.json || \
	  { echo "META.json does not carry version $(EXTVERSION) of $(EXTENSION).control" >&2; exit 1; }
	@grep -q '"file": "$@"' META.json || \
	  { echo "META.json: provides.file is not $@" >&2; exit 1; }
	awk -v tmpl=src/sql/ordered_type.sql.in ' \
	  /^--@ordered_type / { t = $$2; \
	    while ((getline line < tmpl) > 0) { gsub(/@TYPE@/, t, line); print line } \
	    close(tmpl); next } \
	  { print }' $(SQL_PIECES) | $(EXPAND_SCHEMA_CHECK) > $@

# a line "--@schema_check" in a PL/pgSQL body becomes src/sql/schema_check.sql.in
EXPAND_SCHEMA_CHECK = awk -v chk=src/sql/schema_check.sql.in \
	'/^ *--@schema_check/ { while ((getline line < chk) > 0) print line; close(chk); next } { print }'

build/%.sql: src/sql/upgrades/%.sql.in $(SQL_PIECES) src/sql/schema_check.sql.in
	@mkdir -p build
	awk '/^--@include / { f = $$2; n = 0; \
	    while ((getline line < f) > 0) { print line; n++ } close(f); \
	    if (n == 0) { print "cannot include " f > "/dev/stderr"; exit 1 } next } \
	  { print }' $< | $(EXPAND_SCHEMA_CHECK) > $@

# ---- earlier releases' install scripts, for the upgrade and security tests:
# each built from the commit that released it (src/sql/RELEASES) with that
# commit's own Makefile, so no release is kept as a frozen copy.  Needs the
# git history (a clone, not an export).
RELEASES = $(shell awk '!/^\#/ && NF == 2 { print $$1 }' src/sql/RELEASES)
OLD_RELEASE_SCRIPTS = $(patsubst %,build/releases/$(EXTENSION)--%.sql,$(filter-out $(EXTVERSION),$(RELEASES)))

build/releases/$(EXTENSION)--%.sql: src/sql/RELEASES
	scripts/release_script.sh $* $@

.PHONY: old-releases install-old-releases
old-releases: $(OLD_RELEASE_SCRIPTS)
install-old-releases: $(OLD_RELEASE_SCRIPTS)
	$(INSTALL_DATA) $^ '$(DESTDIR)$(datadir)/extension/'

# ---- the PGXN release: build/msc_registry-VERSION.zip, one directory
# msc_registry-VERSION/ holding the files of the commit checked out (git
# archive of HEAD: nothing built, nothing from outside the repository;
# uncommitted changes are left out, with a warning).  It builds, installs
# and passes installcheck without git: the install and upgrade scripts are
# assembled from src/sql; only the upgrade and security shell tests need the
# history, for the earlier releases' install scripts.  test/dist.sh checks it.
DIST = $(EXTENSION)-$(EXTVERSION)
.PHONY: dist
dist:
	@mkdir -p build
	@[ -z "$$(git status --porcelain)" ] || echo "dist: uncommitted changes and untracked files are not in build/$(DIST).zip (made from HEAD)" >&2
	git archive --format=zip --prefix=$(DIST)/ -o build/$(DIST).zip HEAD

# ---- core unit tests (plain C, AddressSanitizer + UBSan) ----
CORE_TEST_CFLAGS = -std=c99 -g -O1 -Wall -Wextra -Werror -fsanitize=address,undefined \
                   -fno-omit-frame-pointer -fno-sanitize-recover=all -Isrc/core
CORE_TESTS = $(patsubst test/core/%.c,test/core/build/%,$(wildcard test/core/test_*.c))

test/core/build/%: test/core/%.c test/core/unit.h test/core/xml_check.h $(CORE_SRCS) $(wildcard src/core/*.h)
	@mkdir -p test/core/build
	$(CC) $(CORE_TEST_CFLAGS) -o $@ $< $(CORE_SRCS) -lm

.PHONY: coretest
coretest: $(CORE_TESTS)
	@status=0; for t in $(CORE_TESTS); do $$t || status=1; done; exit $$status

# ---- libFuzzer targets (clang): scripts/fuzz.sh, FUZZ_SECONDS per target ----
FUZZ_SECONDS ?= 60
.PHONY: fuzz
fuzz:
	scripts/fuzz.sh $(FUZZ_SECONDS)

# ---- the one list of tests (test/README.md describes each harness) ----
# scripts/test.sh (after make install), scripts/dev-check.sh (against
# build/destdir) and scripts/pg17-check.sh all run these targets.
#   check-all    every test: standalone, then servertest on a throw-away
#                cluster (pg_virtualenv $(PG_VIRTUALENV_OPTS))
#   standalone   what needs no server of the environment: metacheck,
#                doccheck, coretest, fuzz, and scaleouttest and loadtest,
#                which start clusters of their own
#   servertest   against the server of the environment (PGHOST, PGPORT ...,
#                as pg_virtualenv sets them), with msc_registry installed:
#                installcheck (pg_regress), tap, shelltest, demotest
# Each of the two groups runs all its tests and fails if any failed.
# Shell tests: every test/*.sh but the library, the load test (which
# starts its own cluster) and the by-hand tests of the packaging (slow,
# test/package.sh installs into the system; doc/testing.md); a new one is
# picked up.
BY_HAND_TESTS = test/package.sh test/dist.sh
SHELL_TESTS  = $(filter-out test/lib.sh test/shared_data.sh test/load.sh $(BY_HAND_TESTS),$(sort $(wildcard test/*.sh)))
# bench/scaleout.sh and test/load.sh use the installed extension; empty:
# they build this checkout into build/destdir
CLUSTER_FROM ?= --installed
LOAD_SECONDS ?= 10
PG_VIRTUALENV_OPTS ?=
STANDALONE   = metacheck doccheck coretest fuzz scaleouttest loadtest
SERVERTESTS  = installcheck tap shelltest demotest

.PHONY: check-all standalone servertest metacheck doccheck tap shelltest demotest scaleouttest loadtest
check-all:
	@status=0; $(MAKE) --no-print-directory standalone || status=1; \
	pg_virtualenv $(PG_VIRTUALENV_OPTS) -t $(MAKE) --no-print-directory servertest || status=1; \
	if [ $$status = 0 ]; then echo "check-all: every test passed"; else echo "check-all: FAILED"; fi; exit $$status
standalone servertest:
	@status=0; failed=""; \
	for t in $(if $(filter standalone,$@),$(STANDALONE),$(SERVERTESTS)); do \
	  echo "== make $$t"; start=$$(date +%s); \
	  if $(MAKE) --no-print-directory $$t; then echo "-- make $$t: passed in $$(( $$(date +%s) - start )) s"; \
	  else status=1; failed="$$failed $$t"; echo "-- make $$t: FAILED after $$(( $$(date +%s) - start )) s"; \
	    if [ $$t = installcheck ]; then head -200 regression.diffs 2>/dev/null; fi; fi; \
	done; \
	if [ $$status != 0 ]; then echo "$@: FAILED:$$failed"; fi; exit $$status

metacheck:
	@perl scripts/check_meta.pl
doccheck:
	@perl scripts/check_readme.pl
tap:
	@dropdb --if-exists msc_tap >/dev/null 2>&1; createdb msc_tap
	@psql -q -X -v ON_ERROR_STOP=1 -d msc_tap -c "CREATE EXTENSION pgtap; CREATE EXTENSION msc_registry;"
	pg_prove -d msc_tap --ext .sql -r test/pgtap
shelltest:
	@status=0; for t in $(SHELL_TESTS); do echo "== $$t"; start=$$(date +%s); \
	  if $$t; then echo "-- $$t: passed in $$(( $$(date +%s) - start )) s"; \
	  else echo "-- $$t: FAILED after $$(( $$(date +%s) - start )) s"; status=1; fi; done; exit $$status
# the demo runs cleanly (its expected errors aside) and writes a well-formed forest plot
demotest:
	@mkdir -p build; dropdb --if-exists msc_demo >/dev/null 2>&1; createdb msc_demo
	@if psql -X -q -v ON_ERROR_STOP=1 -d msc_demo -f scripts/demo.sql > build/demo.out 2>&1 && \
	   grep -q "pooled pain effect" build/demo.out && xmllint --noout build/demo_forest.svg; then \
	  echo "demo: ran, $$(grep -c "^ERROR\|ERROR:" build/demo.out) expected errors shown, forest plot well-formed"; \
	else echo "demo: failed (build/demo.out)"; tail -20 build/demo.out; exit 1; fi
# a coordinator and two shards over postgres_fdw (bench/scaleout.sh, about 6 s)
scaleouttest:
	@mkdir -p build
	@bench/scaleout.sh $(CLUSTER_FROM) > build/scaleout.out 2>&1 || { cat build/scaleout.out; exit 1; }
	@grep -E "^(-- |scaleout: )" build/scaleout.out
# the load test, short form: pgbench, 8 clients (bench/README.md has 60 s figures)
loadtest:
	@mkdir -p build
	@test/load.sh $(CLUSTER_FROM) $(LOAD_SECONDS) > build/load.out 2>&1 || { cat build/load.out; exit 1; }
	@grep -E "^(load: |tps|number of (failed|transactions))" build/load.out

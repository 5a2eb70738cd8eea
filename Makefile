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

REGRESS      = $(patsubst sql/%.sql,%,$(sort $(wildcard sql/*.sql)))
REGRESS_OPTS = --load-extension=$(EXTENSION)

PG_CFLAGS   = -std=gnu99 -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers -Werror=implicit-function-declaration

PG_CONFIG  ?= pg_config
PGXS       := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# every object depends on every header (PGXS tracks none without --enable-depend)
$(OBJS): $(wildcard src/core/*.h src/pg/*.h)

build/$(EXTENSION)--$(EXTVERSION).sql: $(SQL_PIECES) src/sql/ordered_type.sql.in $(EXTENSION).control META.json
	@mkdir -p build
	@grep -q '"version": "$(EXTVERSION)"' META.json || \
	  { echo "META.json does not carry version $(EXTVERSION) of $(EXTENSION).control" >&2; exit 1; }
	awk -v tmpl=src/sql/ordered_type.sql.in ' \
	  /^--@ordered_type / { t = $$2; \
	    while ((getline line < tmpl) > 0) { gsub(/@TYPE@/, t, line); print line } \
	    close(tmpl); next } \
	  { print }' $(SQL_PIECES) > $@

build/%.sql: src/sql/upgrades/%.sql.in $(SQL_PIECES)
	@mkdir -p build
	awk '/^--@include / { f = $$2; n = 0; \
	    while ((getline line < f) > 0) { print line; n++ } close(f); \
	    if (n == 0) { print "cannot include " f > "/dev/stderr"; exit 1 } next } \
	  { print }' $< > $@

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

# ---- core unit tests (plain C, AddressSanitizer + UBSan) ----
CORE_TEST_CFLAGS = -std=c99 -g -O1 -Wall -Wextra -Werror -fsanitize=address,undefined \
                   -fno-omit-frame-pointer -fno-sanitize-recover=all -Isrc/core
CORE_TESTS = $(patsubst test/core/%.c,test/core/build/%,$(wildcard test/core/test_*.c))

test/core/build/%: test/core/%.c test/core/unit.h $(CORE_SRCS) $(wildcard src/core/*.h)
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

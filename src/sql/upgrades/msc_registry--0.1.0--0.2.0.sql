-- msc_registry upgrade 0.1.0 -> 0.2.0.
-- Every change made to src/sql/*.sql since 0.1.0 is made here too, so that
-- ALTER EXTENSION msc_registry UPDATE gives the same objects as a fresh
-- install of 0.2.0 (test/upgrade.sh compares the two).
\echo Use "ALTER EXTENSION msc_registry UPDATE TO '0.2.0'" to load this file. \quit

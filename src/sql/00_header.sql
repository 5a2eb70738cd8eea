-- msc_registry install script, assembled by the Makefile from src/sql/*.sql.
\echo Use "CREATE EXTENSION msc_registry" to load this file. \quit

-- Every name in a view, an SQL-standard function body, a policy, a default or
-- a check binds when it is made, and the best match on the search_path wins.
-- While this script runs, the path is pg_catalog alone: every built-in binds
-- there, exactly as if written pg_catalog.name, and nothing a role could have
-- planted in the extension's schema (a more specific count(bigint), say) can
-- be chosen.  The extension's own objects are written @extschema@.name.
-- (CREATE EXTENSION restores the caller's search_path afterwards.)
SELECT FROM pg_catalog.set_config('search_path', 'pg_catalog, pg_temp', true);

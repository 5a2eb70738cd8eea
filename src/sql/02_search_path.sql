-- Every name in a view, an SQL-standard function body, a policy, a default or
-- a check binds when it is made, and the best match on the search_path wins.
-- While this script runs, the path is pg_catalog alone: every built-in binds
-- there, exactly as if written pg_catalog.name, and nothing a role could have
-- planted in the extension's schema (a more specific count(bigint), say) can
-- be chosen.  The extension's own objects are written @extschema@.name.
-- (CREATE and ALTER EXTENSION restore the caller's search_path afterwards;
-- the update scripts include this file too.)
SELECT FROM pg_catalog.set_config('search_path', 'pg_catalog, pg_temp', true);

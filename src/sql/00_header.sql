-- msc_registry install script, assembled by the Makefile from src/sql/*.sql.
\echo Use "CREATE EXTENSION msc_registry" to load this file. \quit


-- cell_dose: a number of cells, absolute or per kilogram of body weight
-- (16 bytes, by reference: mantissa × 10^exponent, exact).

CREATE TYPE @extschema@.cell_dose;

CREATE FUNCTION @extschema@.cell_dose_in(cstring) RETURNS @extschema@.cell_dose
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cell_dose_in(cstring) IS
    'text input of cell_dose: 5e7, 5x10^7 cells, 5 × 10^7, 10^8, 50 million, 50M, 100,000,000; add /kg or per kg for a dose per kilogram (1.5e6 cells/kg)';
CREATE FUNCTION @extschema@.cell_dose_out(@extschema@.cell_dose) RETURNS cstring
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cell_dose_out(@extschema@.cell_dose) IS
    'text output of cell_dose: scientific notation with the shortest mantissa, "5e7 cells" or "1.5e6 cells/kg"';
CREATE FUNCTION @extschema@.cell_dose_recv(internal) RETURNS @extschema@.cell_dose
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cell_dose_recv(internal) IS
    'binary input of cell_dose: version byte 1, flags byte (1 = per kg), int64 mantissa, int16 exponent; only canonical in-range values are accepted';
CREATE FUNCTION @extschema@.cell_dose_send(@extschema@.cell_dose) RETURNS bytea
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cell_dose_send(@extschema@.cell_dose) IS
    'binary output of cell_dose: version byte 1, flags byte (1 = per kg), int64 mantissa, int16 exponent';

CREATE TYPE @extschema@.cell_dose (
    INPUT = @extschema@.cell_dose_in,
    OUTPUT = @extschema@.cell_dose_out,
    RECEIVE = @extschema@.cell_dose_recv,
    SEND = @extschema@.cell_dose_send,
    INTERNALLENGTH = 16,
    ALIGNMENT = double,
    STORAGE = plain
);
COMMENT ON TYPE @extschema@.cell_dose IS
    'dose of cells, absolute (5e7 cells, at most 1e15) or per kilogram of body weight (1.5e6 cells/kg, at most 1e13), stored exactly; absolute doses sort before per-kg doses, each by value';

--@ordered_type cell_dose

CREATE FUNCTION @extschema@.cells(@extschema@.cell_dose) RETURNS numeric
    AS 'MODULE_PATHNAME', 'cell_dose_cells' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cells(@extschema@.cell_dose) IS
    'number of cells of an absolute dose, exactly; NULL for a dose per kg';

CREATE FUNCTION @extschema@.per_kg(@extschema@.cell_dose) RETURNS numeric
    AS 'MODULE_PATHNAME', 'cell_dose_per_kg' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.per_kg(@extschema@.cell_dose) IS
    'cells per kilogram of body weight of a per-kg dose, exactly; NULL for an absolute dose';

CREATE FUNCTION @extschema@.is_per_kg(@extschema@.cell_dose) RETURNS boolean
    AS 'MODULE_PATHNAME', 'cell_dose_is_per_kg' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.is_per_kg(@extschema@.cell_dose) IS
    'true for a dose per kilogram of body weight, false for an absolute number of cells';

CREATE FUNCTION @extschema@.total_cells(@extschema@.cell_dose, weight_kg numeric) RETURNS numeric
    AS 'MODULE_PATHNAME', 'cell_dose_total_cells' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.total_cells(@extschema@.cell_dose, numeric) IS
    'total number of cells given: an absolute dose''s count, or a per-kg dose times the body weight in kg (more than 0, at most 700), exactly';

CREATE FUNCTION @extschema@.cell_dose(cells numeric, per_kg boolean DEFAULT false)
    RETURNS @extschema@.cell_dose
    AS 'MODULE_PATHNAME', 'cell_dose_make' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cell_dose(numeric, boolean) IS
    'cell dose from a number of cells, per kilogram of body weight when per_kg is true; the number is stored exactly or refused';

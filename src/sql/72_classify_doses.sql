-- Every dose of cells a free text states (issue 15), and what cell_dose_in(text)
-- reads since 0.3.0.

CREATE FUNCTION @extschema@.cell_doses_in(text) RETURNS @extschema@.cell_dose[]
    AS 'MODULE_PATHNAME', 'cell_doses_in_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cell_doses_in(text) IS
    'every dose of cells stated in a free text, each value once, in order of first mention: both ends of a range ("1-2 x10^6 per kg", "100-300 million"), each arm of a dose escalation; "1x10e7" after a multiplication sign is 10^7, lost superscripts ("2 x 107", "1.10^6", "106 cells/kg") and number words ("Twenty million") are read; cells per mL count only with a volume stated right after them (5x10^6 cells/mL, 2 mL: 1e7 cells); ''{}'' when none';

COMMENT ON FUNCTION @extschema@.cell_dose_in(text) IS
    'the first dose of cells stated in a free text ("1x10^8 cells", "2 million cells/kg", "1.5 x 10^6/kg", "2 x 107 cells" with its superscript lost, "1x10e7 cells" after a sign); a range gives its lower end; NULL when none is (concentrations per mL without a stated volume and a bare "10e6" are not doses); cell_doses_in(text) gives every dose';

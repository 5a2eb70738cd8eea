-- Free-text classification: what a registry record states about its cell
-- product.  Each function reads at most 1 MB of text (longer text raises
-- 22023) and returns what the text states, in order of first mention; an
-- empty array or NULL where nothing is stated.  Never a guess: a donor or
-- a manipulation stated both ways is NULL.

CREATE FUNCTION @extschema@.msc_sources_in(text) RETURNS @extschema@.msc_source[]
    AS 'MODULE_PATHNAME', 'msc_sources_in_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.msc_sources_in(text) IS
    'source tissues stated in a free text ("bone marrow-derived MSCs", "SVF", "Wharton''s jelly", "UCB-MSC"), each once, in order of first mention; an empty array when none is stated (haematopoietic grafts, conditions such as bone marrow edema and product codes do not count)';

CREATE FUNCTION @extschema@.msc_routes_in(text) RETURNS @extschema@.msc_route[]
    AS 'MODULE_PATHNAME', 'msc_routes_in_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.msc_routes_in(text) IS
    'routes of administration stated in a free text ("intra-articular injection", "IV", "i.v.", "into the disc", "lumbar puncture"), each once, in order of first mention; an empty array when none is stated (routes said only of drugs, IVD, grade II-IV and SC for stem cells do not count)';

CREATE FUNCTION @extschema@.msc_donor_in(text) RETURNS @extschema@.msc_donor
    AS 'MODULE_PATHNAME', 'msc_donor_in_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.msc_donor_in(text) IS
    'donor of the cells stated in a free text: autologous ("autologous", "patient''s own") or allogeneic ("allogeneic", "allogenic", "healthy donors", "third party"); NULL when none is stated or both are (autologous PRP, allogeneic HSCT and the like do not count)';

CREATE FUNCTION @extschema@.msc_manipulation_in(text) RETURNS @extschema@.msc_manipulation
    AS 'MODULE_PATHNAME', 'msc_manipulation_in_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.msc_manipulation_in(text) IS
    'manipulation of the cells stated in a free text: culture_expanded ("culture-expanded", "ex vivo cultured", "passage 3") or minimally_manipulated (BMAC, SVF, microfragmented adipose tissue, Lipogems); NULL when none is stated or both are';

CREATE FUNCTION @extschema@.cell_dose_in(text) RETURNS @extschema@.cell_dose
    AS 'MODULE_PATHNAME', 'cell_dose_in_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cell_dose_in(text) IS
    'the first dose of cells stated in a free text ("1x10^8 cells", "2 million cells/kg", "1.5 x 10^6/kg", "2 x 107 cells" with its superscript lost); NULL when none is (ranges, concentrations per mL and the ambiguous "x 10e6" are not doses)';

-- Donor and manipulation of an MSC product: plain enums.

CREATE TYPE @extschema@.msc_donor AS ENUM ('autologous', 'allogeneic');
COMMENT ON TYPE @extschema@.msc_donor IS
    'donor of the cells: autologous (the patient''s own) or allogeneic (another person''s)';

CREATE TYPE @extschema@.msc_manipulation AS ENUM ('culture_expanded', 'minimally_manipulated');
COMMENT ON TYPE @extschema@.msc_manipulation IS
    'processing of the cells: culture_expanded (grown in culture) or minimally_manipulated (BMAC, SVF, microfragmented adipose: concentrated without culture)';

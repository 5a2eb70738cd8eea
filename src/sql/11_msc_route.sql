-- msc_route: route of administration (one byte, by value), with its
-- CDISC/FDA route term and NCI Thesaurus code.

CREATE TYPE @extschema@.msc_route;

CREATE FUNCTION @extschema@.msc_route_in(cstring) RETURNS @extschema@.msc_route
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.msc_route_in(cstring) IS
    'text input of msc_route: canonical labels, abbreviations (IA, IV, IT, IM, SC) and phrases ("intra-articular injection", "into the disc")';
CREATE FUNCTION @extschema@.msc_route_out(@extschema@.msc_route) RETURNS cstring
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.msc_route_out(@extschema@.msc_route) IS
    'text output of msc_route: the canonical label';
CREATE FUNCTION @extschema@.msc_route_recv(internal) RETURNS @extschema@.msc_route
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.msc_route_recv(internal) IS
    'binary input of msc_route: one byte, the stable route code';
CREATE FUNCTION @extschema@.msc_route_send(@extschema@.msc_route) RETURNS bytea
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.msc_route_send(@extschema@.msc_route) IS
    'binary output of msc_route: one byte, the stable route code';

CREATE TYPE @extschema@.msc_route (
    INPUT = @extschema@.msc_route_in,
    OUTPUT = @extschema@.msc_route_out,
    RECEIVE = @extschema@.msc_route_recv,
    SEND = @extschema@.msc_route_send,
    INTERNALLENGTH = 1,
    PASSEDBYVALUE,
    ALIGNMENT = char,
    STORAGE = plain
);
COMMENT ON TYPE @extschema@.msc_route IS
    'route of administration of an MSC product, with CDISC term and NCI Thesaurus code: intra_articular, intradiscal, intravenous, intrathecal, subarachnoid, epidural, intralesional, intratendinous, periarticular, perineural, intramuscular, subcutaneous, intradermal, intra_arterial, soft_tissue (sorted in that order)';

--@ordered_type msc_route

CREATE FUNCTION @extschema@.label(@extschema@.msc_route) RETURNS text
    AS 'MODULE_PATHNAME', 'msc_route_label' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.label(@extschema@.msc_route) IS
    'human label of a route, e.g. "Intra-articular"';
CREATE FUNCTION @extschema@.cdisc_term(@extschema@.msc_route) RETURNS text
    AS 'MODULE_PATHNAME', 'msc_route_cdisc_term' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cdisc_term(@extschema@.msc_route) IS
    'CDISC SDTM / FDA route of administration term, e.g. INTRA-ARTICULAR';
CREATE FUNCTION @extschema@.nci_code(@extschema@.msc_route) RETURNS text
    AS 'MODULE_PATHNAME', 'msc_route_nci_code' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nci_code(@extschema@.msc_route) IS
    'NCI Thesaurus concept code of the route, e.g. C38223 for intra-articular';
CREATE FUNCTION @extschema@.is_systemic(@extschema@.msc_route) RETURNS boolean
    AS 'MODULE_PATHNAME', 'msc_route_is_systemic' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.is_systemic(@extschema@.msc_route) IS
    'true for routes into the circulation (intravenous, intra-arterial), false for local delivery';

CREATE FUNCTION @extschema@.msc_routes(
    OUT label text, OUT canonical @extschema@.msc_route, OUT cdisc_term text,
    OUT nci_code text, OUT is_systemic boolean, OUT synonyms text[])
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'msc_route_catalogue' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
    ROWS 15;
COMMENT ON FUNCTION @extschema@.msc_routes() IS
    'the routes: human label, canonical value, CDISC term, NCI Thesaurus code, systemic or local, and the synonyms accepted on input';

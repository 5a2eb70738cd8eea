-- Registry, manual entry: what a curator entering a trial by hand gets
-- derived for them, as ctgov_import() derives it for an imported record;
-- and the correlation the reporting views (83_registry_views.sql) use to
-- derive a change from an arm's baseline and follow-up values.

-- A trial entered by hand without a condition category used to get
-- 'other' and drop out of every per-condition view without a word; now
-- the category is read from its conditions and title, as on import.  A
-- category the curator gives is kept; on an update that changes the
-- conditions or title, a category that was the derived one follows them.
CREATE OR REPLACE FUNCTION @extschema@.trial_condition_category() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    --@schema_check (src/sql/schema_check.sql.in)
    IF NEW.condition_category IS NULL
       OR (TG_OP = 'UPDATE'
           AND NEW.condition_category IS NOT DISTINCT FROM OLD.condition_category
           AND (NEW.conditions, NEW.title) IS DISTINCT FROM (OLD.conditions, OLD.title)
           AND OLD.condition_category = @extschema@.condition_category(OLD.conditions || OLD.title)) THEN
        NEW.condition_category := @extschema@.condition_category(NEW.conditions || NEW.title);
    END IF;
    RETURN NEW;
END
$fn$;
COMMENT ON FUNCTION @extschema@.trial_condition_category() IS
    'trigger function of trial: derives condition_category from conditions and title (condition_category(conditions || title)) when it is not given, and again when they change and the category was the derived one; a category given by hand is kept';

CREATE OR REPLACE TRIGGER trial_condition_category
    BEFORE INSERT OR UPDATE ON @extschema@.trial
    FOR EACH ROW EXECUTE FUNCTION @extschema@.trial_condition_category();
COMMENT ON TRIGGER trial_condition_category ON @extschema@.trial IS
    'fills condition_category from conditions and title when it is not given (trial_condition_category())';
COMMENT ON COLUMN @extschema@.trial.condition_category IS
    'pain condition the trial studies; when not given (NULL), trigger trial_condition_category derives it with condition_category(conditions || title), as ctgov_import() does; a value given is kept';

-- Many reports give an arm's baseline and follow-up but no change.  The
-- mean change is their difference; its SD needs the correlation of the
-- two, which reports almost never give (Cochrane Handbook 6.5.2.8), so
-- the user states the one to assume, per session or database.
CREATE OR REPLACE FUNCTION @extschema@.change_correlation() RETURNS double precision
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    setting text := nullif(btrim(current_setting('msc_registry.change_correlation', true)), '');
    r double precision;
BEGIN
    IF setting IS NULL THEN
        RETURN NULL;
    END IF;
    BEGIN
        r := setting::double precision;
    EXCEPTION WHEN invalid_text_representation OR numeric_value_out_of_range THEN
        r := NULL;
    END;
    IF r IS NULL OR NOT (r BETWEEN -1 AND 1) THEN
        RAISE EXCEPTION 'msc_registry.change_correlation is not a correlation: "%"', setting
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Set it to a number from -1 to 1 (SET msc_registry.change_correlation = 0.5), or RESET it to derive no SD of a change.';
    END IF;
    RETURN r;
END
$fn$;
COMMENT ON FUNCTION @extschema@.change_correlation() IS
    'the correlation of baseline and follow-up scores assumed to derive the SD of a change (sd_change) where a report gives an arm''s baseline and follow-up but no change: the setting msc_registry.change_correlation (-1 to 1), NULL when it is not set (then such changes get no SD)';

-- The data version (002) also moves with errors and runs, so a reader can cache everything `marsad stats`
-- reports (the web's home page) until the store changes.
CREATE TRIGGER data_version_errors AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON errors
    FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER data_version_runs AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON runs
    FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();

-- The data version (002) also moves with errors and runs, so a reader can cache everything `marsad stats`
-- reports (the web's home page) until the store changes.
CREATE TRIGGER data_version_errors_insert AFTER INSERT ON errors BEGIN UPDATE data_version SET version = version + 1; END;
CREATE TRIGGER data_version_errors_update AFTER UPDATE ON errors BEGIN UPDATE data_version SET version = version + 1; END;
CREATE TRIGGER data_version_errors_delete AFTER DELETE ON errors BEGIN UPDATE data_version SET version = version + 1; END;
CREATE TRIGGER data_version_runs_insert AFTER INSERT ON runs BEGIN UPDATE data_version SET version = version + 1; END;
CREATE TRIGGER data_version_runs_update AFTER UPDATE ON runs BEGIN UPDATE data_version SET version = version + 1; END;
CREATE TRIGGER data_version_runs_delete AFTER DELETE ON runs BEGIN UPDATE data_version SET version = version + 1; END;

-- What users set up in their mail programs after the move, as the letters of a migration name it
-- (org.cutover.migration.letters): the migration's own settings completed from configuration at
-- registration, as JSON. Never the endpoint Cutover logs in to.
CREATE TABLE migration_client_settings (
    migration_id  VARCHAR(36)   NOT NULL PRIMARY KEY REFERENCES migration (id) ON DELETE CASCADE,
    settings      VARCHAR(4000) NOT NULL
);

-- The planned switch of a migration (org.cutover.migration.schedule): the instant the MX records
-- are swapped, the time zone the administrator gave it in (letters name the time in that zone), and
-- how often it was moved since it was first set; who set it last and when.
CREATE TABLE planned_switch (
    migration_id  VARCHAR(36)  NOT NULL PRIMARY KEY REFERENCES migration (id) ON DELETE CASCADE,
    switch_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    zone_id       VARCHAR(64)  NOT NULL,
    moves         INTEGER      NOT NULL,
    planned_by    VARCHAR(128),
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

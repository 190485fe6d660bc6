-- Licences given to the users of a batch by the task "Assign licences" (kept by
-- org.cutover.migration.LicenceRecords). Portable SQL for H2 2.x and PostgreSQL 14+.

-- One row per user of the batch: what became of the last assignment.
-- outcome: ASSIGNED      the licence was assigned by Cutover
--          ALREADY_HELD  the user held it already; nothing was changed
--          FAILED        Microsoft 365 refused it: reason says why and what to do
CREATE TABLE licence_assignment (
    migration_id     VARCHAR(36)   NOT NULL REFERENCES migration (id) ON DELETE CASCADE,
    email_address    VARCHAR(320)  NOT NULL,
    sku_id           VARCHAR(64)   NOT NULL,
    sku_part_number  VARCHAR(100)  NOT NULL,
    outcome          VARCHAR(16)   NOT NULL,
    reason           VARCHAR(2000),
    recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT licence_assignment_pk PRIMARY KEY (migration_id, email_address)
);

-- When the tenant was last asked which users of the batch hold no licence (before the licence
-- reminder), and those it named.
CREATE TABLE licence_check (
    migration_id  VARCHAR(36) NOT NULL PRIMARY KEY REFERENCES migration (id) ON DELETE CASCADE,
    checked_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE licence_missing (
    migration_id   VARCHAR(36)  NOT NULL REFERENCES licence_check (migration_id) ON DELETE CASCADE,
    email_address  VARCHAR(320) NOT NULL,
    CONSTRAINT licence_missing_pk PRIMARY KEY (migration_id, email_address)
);

-- Provisioning at the target before the first sync: each recipient's status as last checked
-- (PROVISIONED, MISSING, LISTED) with what is missing, one item a line, and the script (Exchange
-- Online PowerShell) or list (IMAP host) for exactly what was missing then.
CREATE TABLE recipient_provisioning (
    recipient_id  VARCHAR(36)   NOT NULL PRIMARY KEY REFERENCES recipient (id) ON DELETE CASCADE,
    migration_id  VARCHAR(36)   NOT NULL REFERENCES migration (id) ON DELETE CASCADE,
    status        VARCHAR(12)   NOT NULL,
    missing       VARCHAR(4000) NOT NULL,
    checked_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX recipient_provisioning_migration_idx ON recipient_provisioning (migration_id);

CREATE TABLE provisioning_script (
    migration_id  VARCHAR(36)      NOT NULL PRIMARY KEY REFERENCES migration (id) ON DELETE CASCADE,
    script        VARCHAR(1000000) NOT NULL,
    checked_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

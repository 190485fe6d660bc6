-- The target: initial passwords of the users Cutover creates in Microsoft 365 (the password itself
-- is in table secret, encrypted, until an administrator takes it once), and the mail exchangers of
-- an IMAP target, as its settings give them. Portable SQL for H2 2.x and PostgreSQL 14+.

CREATE TABLE initial_password (
    mailbox_id     VARCHAR(36)  NOT NULL PRIMARY KEY,   -- mailbox.id
    migration_id   VARCHAR(36)  NOT NULL,
    email_address  VARCHAR(320) NOT NULL,
    display_name   VARCHAR(256),
    secret_id      VARCHAR(36),            -- secret.id; null once handed out
    user_created   BOOLEAN      NOT NULL,  -- the tenant created the user with this password
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    handed_out_at  TIMESTAMP WITH TIME ZONE,
    claim          VARCHAR(36)             -- which hand-out took it
);

CREATE INDEX initial_password_migration ON initial_password (migration_id);

CREATE TABLE target_mx_host (
    migration_id  VARCHAR(36)  NOT NULL,  -- migration.id
    position      INTEGER      NOT NULL,
    preference    INTEGER      NOT NULL,
    host          VARCHAR(253) NOT NULL,
    CONSTRAINT target_mx_host_pk PRIMARY KEY (migration_id, position)
);

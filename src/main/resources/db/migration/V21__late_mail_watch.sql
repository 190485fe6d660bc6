-- The watch for late mail after the batch is deleted, and the way back for mail on a rollback
-- after the MX switch. Portable SQL for H2 2.x and PostgreSQL 14+.

-- One watch per migration: when it began, when its period ends, its last check, and how it ended
-- (PERIOD_OVER, or ROLLED_BACK when the administrator rolled the migration back during it).
CREATE TABLE late_mail_watch (
    migration_id   VARCHAR(36) NOT NULL PRIMARY KEY REFERENCES migration (id) ON DELETE CASCADE,
    started_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    last_check_at  TIMESTAMP WITH TIME ZONE,
    checks         INTEGER     NOT NULL,
    ended_at       TIMESTAMP WITH TIME ZONE,
    ended_how      VARCHAR(16)
);

-- What the watch copied for each mailbox, and what went wrong at its last check (null: nothing).
CREATE TABLE late_mail_mailbox (
    migration_id    VARCHAR(36)   NOT NULL REFERENCES migration (id) ON DELETE CASCADE,
    mailbox_id      VARCHAR(36)   NOT NULL,
    email_address   VARCHAR(320)  NOT NULL,
    messages_copied BIGINT        NOT NULL,
    last_check_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error      VARCHAR(2000),
    CONSTRAINT late_mail_mailbox_pk PRIMARY KEY (migration_id, mailbox_id)
);

-- What the way back copied from the target to the source for each mailbox, and what it could not
-- (one line per message or folder; null: everything came back).
CREATE TABLE mail_way_back (
    migration_id    VARCHAR(36)   NOT NULL REFERENCES migration (id) ON DELETE CASCADE,
    mailbox_id      VARCHAR(36)   NOT NULL,
    email_address   VARCHAR(320)  NOT NULL,
    messages_copied BIGINT        NOT NULL,
    flags_updated   BIGINT        NOT NULL,
    not_copied      VARCHAR(16000),
    copied_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT mail_way_back_pk PRIMARY KEY (migration_id, mailbox_id)
);

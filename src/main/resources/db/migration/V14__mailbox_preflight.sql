-- What preflight found for each mailbox of a batch before it starts: the source's contents, the
-- target's free quota, and what is wrong (null when the mailbox is ready). A mailbox the
-- administrator excluded from the batch keeps its row, marked excluded, so the report stays whole.
CREATE TABLE mailbox_preflight (
    migration_id        VARCHAR(36)   NOT NULL REFERENCES migration (id) ON DELETE CASCADE,
    email_address       VARCHAR(320)  NOT NULL,
    position            INTEGER       NOT NULL,
    source_folders      INTEGER,
    source_messages     BIGINT,
    source_bytes        BIGINT,
    target_quota_free   BIGINT,       -- bytes the target's QUOTA still allows; null: no limit said
    problem             VARCHAR(2000),
    excluded            BOOLEAN       NOT NULL,
    checked_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT mailbox_preflight_pk PRIMARY KEY (migration_id, email_address)
);

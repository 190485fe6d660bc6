-- One lease per mailbox: the only pass allowed to sync it, on whichever node, until expires_at.
-- A pass takes it before it starts (insert, or take over one that has expired) and renews it
-- while it runs; a row left by a killed node runs out by itself.
CREATE TABLE mailbox_lease (
    mailbox_id  VARCHAR(36)  NOT NULL PRIMARY KEY,
    owner       VARCHAR(36)  NOT NULL,  -- the pass holding it (random per pass)
    worker      VARCHAR(200) NOT NULL,  -- the worker running that pass
    taken_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Where the running (or last) pass of a mailbox stands, written every few seconds while it runs.
ALTER TABLE mailbox ADD COLUMN pass_folders_done INTEGER;
ALTER TABLE mailbox ADD COLUMN pass_folders_total INTEGER;
ALTER TABLE mailbox ADD COLUMN pass_messages_copied BIGINT;
ALTER TABLE mailbox ADD COLUMN pass_messages_to_copy BIGINT;
ALTER TABLE mailbox ADD COLUMN pass_bytes_copied BIGINT;
ALTER TABLE mailbox ADD COLUMN pass_bytes_to_copy BIGINT;
ALTER TABLE mailbox ADD COLUMN pass_progress_at TIMESTAMP WITH TIME ZONE;

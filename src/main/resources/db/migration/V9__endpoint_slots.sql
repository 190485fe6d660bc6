-- The passes syncing against one mail server at once, on every node together: a pass holds one
-- slot of each server it talks to, numbered below that server's maxConcurrentMailboxes. A slot is
-- taken in one statement (insert it, or take over one that has expired), renewed with the pass's
-- lease and deleted when the pass ends; a row left by a killed node runs out by itself.
CREATE TABLE endpoint_slot (
    endpoint_key VARCHAR(300) NOT NULL,  -- host:port of the server, lower case
    slot         INTEGER      NOT NULL,  -- 0 .. maxConcurrentMailboxes - 1
    owner        VARCHAR(36)  NOT NULL,  -- the pass holding it (random per pass)
    worker       VARCHAR(200) NOT NULL,  -- the worker running that pass
    mailbox_id   VARCHAR(36)  NOT NULL,
    taken_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (endpoint_key, slot)
);

-- A server that answered "slow down" ([THROTTLED], [UNAVAILABLE], a BYE): no node starts a new
-- pass against it before backoff_until. Strikes count the answers in a row, so the wait grows.
CREATE TABLE endpoint_backoff (
    endpoint_key   VARCHAR(300)  NOT NULL PRIMARY KEY,
    backoff_until  TIMESTAMP WITH TIME ZONE NOT NULL,
    strikes        INTEGER       NOT NULL,
    reason         VARCHAR(1000) NOT NULL,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

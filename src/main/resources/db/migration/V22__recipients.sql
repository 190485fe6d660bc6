-- Recipients: every address a migrated domain receives mail at. A directory discovery stores what
-- it read (discovery_id); a migration registered from it takes those recipients over
-- (migration_id), and a migration whose mailboxes were given by hand has one user mailbox
-- recipient per mailbox with the aliases given. Mailboxes of the batch point at their recipient.

CREATE TABLE directory_discovery (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    domain        VARCHAR(253)  NOT NULL,
    source        VARCHAR(2000) NOT NULL,   -- the directory URL and base DN, for people
    migration_id  VARCHAR(36)   REFERENCES migration (id) ON DELETE CASCADE,  -- the one that took it
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE recipient (
    id                  VARCHAR(36)   NOT NULL PRIMARY KEY,
    discovery_id        VARCHAR(36)   REFERENCES directory_discovery (id) ON DELETE CASCADE,
    migration_id        VARCHAR(36)   REFERENCES migration (id) ON DELETE CASCADE,
    position            INTEGER       NOT NULL,
    kind                VARCHAR(20)   NOT NULL,  -- RecipientKind
    display_name        VARCHAR(256),
    primary_address     VARCHAR(320)  NOT NULL,
    legacy_exchange_dn  VARCHAR(1000),
    external_address    VARCHAR(320),           -- a contact's or mail user's outside address
    distinguished_name  VARCHAR(1000),
    disabled            BOOLEAN       NOT NULL,
    excluded_reason     VARCHAR(20)              -- why its mailbox is not migrated (ExclusionReason)
);

CREATE INDEX recipient_migration_idx ON recipient (migration_id);
CREATE INDEX recipient_discovery_idx ON recipient (discovery_id);

-- The recipient's addresses besides its primary: SMTP aliases and X500 addresses.
CREATE TABLE recipient_address (
    recipient_id  VARCHAR(36)   NOT NULL REFERENCES recipient (id) ON DELETE CASCADE,
    position      INTEGER       NOT NULL,
    type          VARCHAR(4)    NOT NULL,  -- SMTP or X500
    address       VARCHAR(1000) NOT NULL,
    PRIMARY KEY (recipient_id, position)
);

-- Owners (managers, full-access holders) and group members, by primary address.
CREATE TABLE recipient_link (
    recipient_id  VARCHAR(36)  NOT NULL REFERENCES recipient (id) ON DELETE CASCADE,
    relation      VARCHAR(6)   NOT NULL,  -- OWNER or MEMBER
    position      INTEGER      NOT NULL,
    address       VARCHAR(320) NOT NULL,
    PRIMARY KEY (recipient_id, relation, position)
);

-- Entries a discovery found that are no recipient (not mail-enabled, system mailboxes).
CREATE TABLE directory_skipped (
    discovery_id        VARCHAR(36)   NOT NULL REFERENCES directory_discovery (id) ON DELETE CASCADE,
    position            INTEGER       NOT NULL,
    distinguished_name  VARCHAR(1000) NOT NULL,
    name                VARCHAR(320),
    reason              VARCHAR(20)   NOT NULL,
    PRIMARY KEY (discovery_id, position)
);

ALTER TABLE mailbox ADD COLUMN recipient_id VARCHAR(36);

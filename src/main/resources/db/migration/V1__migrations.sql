-- Cutover's own tables: migrations, their endpoints and mailboxes, encrypted secrets.
-- Portable SQL for H2 2.x and PostgreSQL 14+. Enum-like columns hold the Java enum names.

CREATE TABLE secret (
    id          VARCHAR(36)    NOT NULL PRIMARY KEY,
    name        VARCHAR(200)   NOT NULL,
    key_id      VARCHAR(16)    NOT NULL,  -- fingerprint of the key it was encrypted with
    nonce       VARCHAR(24)    NOT NULL,  -- base64 of the 96-bit AES-GCM nonce
    ciphertext  VARCHAR(20000) NOT NULL,  -- base64 of ciphertext and tag
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE migration (
    id                   VARCHAR(36)  NOT NULL PRIMARY KEY,
    domain               VARCHAR(253) NOT NULL,
    batch_name           VARCHAR(64)  NOT NULL,
    phase                VARCHAR(20)  NOT NULL,
    batch_status         VARCHAR(24)  NOT NULL,
    language             VARCHAR(2)   NOT NULL,
    auto_start_batch     BOOLEAN      NOT NULL,
    target_type          VARCHAR(20)  NOT NULL,
    tenant_id            VARCHAR(64),
    client_id            VARCHAR(64),
    client_secret_id     VARCHAR(36),   -- secret.id of the Microsoft 365 client secret
    licence_sku          VARCHAR(100),
    usage_location       VARCHAR(2),
    dns_mode             VARCHAR(10)  NOT NULL,
    dns_provider         VARCHAR(40),
    dns_zone             VARCHAR(253),
    dns_server           VARCHAR(253),
    dns_credential_id    VARCHAR(36),   -- secret.id of the DNS key or token
    max_mx_ttl           INTEGER      NOT NULL,
    autodiscover_target  VARCHAR(253),
    duration_overrides   VARCHAR(1000) NOT NULL,  -- name=ISO-8601;... (empty: configuration defaults)
    process_instance_id  VARCHAR(64),
    mx_switched_at       TIMESTAMP WITH TIME ZONE,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX migration_domain_idx ON migration (domain);

CREATE TABLE endpoint (
    id                        VARCHAR(36)  NOT NULL PRIMARY KEY,
    migration_id              VARCHAR(36)  NOT NULL REFERENCES migration (id),
    role                      VARCHAR(10)  NOT NULL,  -- SOURCE or TARGET
    host                      VARCHAR(253) NOT NULL,
    port                      INTEGER      NOT NULL,
    security                  VARCHAR(20)  NOT NULL,
    allow_plaintext           BOOLEAN      NOT NULL,
    auth                      VARCHAR(20)  NOT NULL,
    admin_user                VARCHAR(320) NOT NULL,
    credential_id             VARCHAR(36),            -- secret.id; null once the batch is deleted
    test_mailbox              VARCHAR(320),
    max_concurrent_mailboxes  INTEGER      NOT NULL,
    status                    VARCHAR(10)  NOT NULL,  -- NEW, READY, REMOVED
    tested_at                 TIMESTAMP WITH TIME ZONE,
    CONSTRAINT endpoint_role_uq UNIQUE (migration_id, role)
);

CREATE TABLE mailbox (
    id                    VARCHAR(36)  NOT NULL PRIMARY KEY,
    migration_id          VARCHAR(36)  NOT NULL REFERENCES migration (id),
    position              INTEGER      NOT NULL,
    email_address         VARCHAR(320) NOT NULL,
    source_login          VARCHAR(320),
    display_name          VARCHAR(256),
    status                VARCHAR(24)  NOT NULL,
    last_sync_started_at  TIMESTAMP WITH TIME ZONE,
    last_successful_sync  TIMESTAMP WITH TIME ZONE,  -- start of the last pass that succeeded
    last_sync_mode        VARCHAR(12),
    messages_copied       BIGINT       NOT NULL,
    flags_updated         BIGINT       NOT NULL,
    messages_skipped      BIGINT       NOT NULL,
    bytes_copied          BIGINT       NOT NULL,
    last_error            VARCHAR(2000),
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT mailbox_address_uq UNIQUE (migration_id, email_address),
    CONSTRAINT mailbox_position_uq UNIQUE (migration_id, position)
);

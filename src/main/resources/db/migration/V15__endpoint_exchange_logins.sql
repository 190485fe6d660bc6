-- How an admin acting for a user names the user's mailbox (ADDRESS or Exchange's ALIAS), and
-- whether the endpoint may speak TLS 1.0/1.1 (allowed only on purpose, never by default).
ALTER TABLE endpoint ADD COLUMN mailbox_name VARCHAR(10) NOT NULL DEFAULT 'ADDRESS';
ALTER TABLE endpoint ADD COLUMN allow_legacy_tls BOOLEAN NOT NULL DEFAULT FALSE;

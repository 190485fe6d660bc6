-- Each user's own logins: a mailbox may carry the user's password at the source and at an IMAP
-- target (secret.id, encrypted like every credential; null once the batch is deleted), and the
-- user's login at the target when it is not the email address. An endpoint that signs in as each
-- user with the user's own password (auth PLAIN) has no admin login of its own.
ALTER TABLE mailbox ADD COLUMN source_credential_id VARCHAR(36);
ALTER TABLE mailbox ADD COLUMN target_login VARCHAR(320);
ALTER TABLE mailbox ADD COLUMN target_credential_id VARCHAR(36);
ALTER TABLE endpoint ALTER COLUMN admin_user DROP NOT NULL;

-- Preflight of a large batch runs in steps that each end well within the engine's job lock, so the
-- report of one round is written step by step. Each side's problem is kept apart, with the
-- server's answer when it refused the login: a login refused for every mailbox is the admin's
-- password, and that can only be told once the round's last mailbox is checked.
ALTER TABLE mailbox_preflight ADD COLUMN source_problem VARCHAR(2000);
ALTER TABLE mailbox_preflight ADD COLUMN target_problem VARCHAR(2000);
ALTER TABLE mailbox_preflight ADD COLUMN source_refusal VARCHAR(1000);
ALTER TABLE mailbox_preflight ADD COLUMN target_refusal VARCHAR(1000);

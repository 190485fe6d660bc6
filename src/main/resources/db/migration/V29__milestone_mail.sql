-- The administrator's mail at each milestone of a migration (org.cutover.migration.milestones):
-- one row per migration and milestone, written when the runbook reaches it, so that a retried step
-- or a second node never mails it twice. sent_at is set once the SMTP server took the mail;
-- claimed_until keeps two nodes from sending the same one at once.
CREATE TABLE milestone_mail (
    migration_id   VARCHAR(36)   NOT NULL,
    milestone      VARCHAR(32)   NOT NULL,
    reached_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    recipient      VARCHAR(320),
    claimed_until  TIMESTAMP WITH TIME ZONE,
    attempts       INTEGER       NOT NULL,
    last_error     VARCHAR(1000),
    sent_at        TIMESTAMP WITH TIME ZONE,
    CONSTRAINT milestone_mail_pk PRIMARY KEY (migration_id, milestone)
);

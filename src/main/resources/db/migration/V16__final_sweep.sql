-- The final sweep after the MX switch: when it began (a mailbox is swept by a pass that started
-- after this moment and after the old MX records' TTL ran out since the switch), and, when the
-- administrator let the batch go with mailboxes not swept, who decided, when, and which mailboxes.
ALTER TABLE migration ADD COLUMN final_sweep_started_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE migration ADD COLUMN sweep_gap_accepted_by VARCHAR(128);
ALTER TABLE migration ADD COLUMN sweep_gap_accepted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE migration ADD COLUMN sweep_gap_mailboxes VARCHAR(16000);

-- A discovery started from Tasklist waits for the administrator's review ("Review the proposed
-- batch") before a migration may take it; one made with POST /api/directory/discover is reviewed
-- by its caller from the answer and is usable at once.
ALTER TABLE directory_discovery ADD COLUMN awaiting_review BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE directory_discovery ADD COLUMN reviewed_by VARCHAR(255);
ALTER TABLE directory_discovery ADD COLUMN reviewed_at TIMESTAMP WITH TIME ZONE;

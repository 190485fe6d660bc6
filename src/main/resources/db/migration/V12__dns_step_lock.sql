-- One row per migration whose zone-changing DNS steps have run. Such a step locks its row
-- (SELECT ... FOR UPDATE) in its job's transaction, so two runs of them for one migration never
-- work on its zone at the same time, even when a step outlasts the job executor's lock. The
-- database drops the lock with the connection of a process that dies.
CREATE TABLE dns_step_lock (
    migration_id VARCHAR(64) NOT NULL PRIMARY KEY
);

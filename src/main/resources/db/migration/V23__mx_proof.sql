-- The proof at the new MX before the swap: where and when the target's mail exchanger was last
-- asked about every address (RCPT TO, no message sent), its answer per address, and, when the
-- administrator let the swap go ahead although some addresses would bounce, who, when and which.
CREATE TABLE mx_proof (
    migration_id        VARCHAR(36)   NOT NULL PRIMARY KEY REFERENCES migration (id) ON DELETE CASCADE,
    mail_exchanger      VARCHAR(300)  NOT NULL,  -- host:port asked
    proved_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    accepted_by         VARCHAR(128),
    accepted_at         TIMESTAMP WITH TIME ZONE,
    accepted_addresses  VARCHAR(16000)            -- one address a line
);

CREATE TABLE mx_proof_answer (
    migration_id  VARCHAR(36)   NOT NULL REFERENCES mx_proof (migration_id) ON DELETE CASCADE,
    position      INTEGER       NOT NULL,
    address       VARCHAR(320)  NOT NULL,
    verdict       VARCHAR(16)   NOT NULL,  -- ACCEPTED, REFUSED, UNANSWERED
    reply         VARCHAR(1000) NOT NULL,  -- the server's answer, or why there was none
    CONSTRAINT mx_proof_answer_pk PRIMARY KEY (migration_id, position)
);

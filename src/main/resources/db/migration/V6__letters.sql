-- Letters to users and the administrator (org.cutover.notify, kept by org.cutover.migration.LetterRecords).

-- Dates the letters name: the planned switch ("mail moves on or after ...") and the licence
-- deadline. NULL: not known yet (the letter then says the date will follow).
CREATE TABLE letter_schedule (
    migration_id      VARCHAR(36) NOT NULL PRIMARY KEY REFERENCES migration (id) ON DELETE CASCADE,
    planned_switch    DATE,
    licence_deadline  DATE,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The administrator's own subject and text of a letter, used instead of the template's.
CREATE TABLE letter_edit (
    migration_id  VARCHAR(36)    NOT NULL REFERENCES migration (id) ON DELETE CASCADE,
    kind          VARCHAR(24)    NOT NULL,  -- org.cutover.notify.LetterKind
    subject       VARCHAR(200)   NOT NULL,
    body          VARCHAR(20000) NOT NULL,
    edited_by     VARCHAR(128),
    edited_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT letter_edit_pk PRIMARY KEY (migration_id, kind)
);

-- One row per letter and recipient, written before the letter is handed to the SMTP server, so a
-- letter is never sent twice to one person (unique key) and none leaves without a record.
-- status: PENDING  not sent yet (may have failed for a reason that passes: last_error)
--         SENDING  being handed to the SMTP server now, outcome not recorded yet
--         SENT     accepted by the SMTP server at sent_at
--         FAILED   refused for good (5xx, unusable address): last_error; not sent again
--         UNKNOWN  was SENDING when its run ended: may or may not have arrived; not sent again
CREATE TABLE letter_delivery (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    migration_id  VARCHAR(36)   NOT NULL REFERENCES migration (id) ON DELETE CASCADE,
    kind          VARCHAR(24)   NOT NULL,
    position      INTEGER       NOT NULL,  -- order of the recipients within the letter
    recipient     VARCHAR(320)  NOT NULL,  -- the address in lower case: one row per person
    address       VARCHAR(320)  NOT NULL,  -- the address as given
    mailbox_id    VARCHAR(36),             -- the user's mailbox; NULL for the administrator
    display_name  VARCHAR(256),
    status        VARCHAR(10)   NOT NULL,
    attempts      INTEGER       NOT NULL,  -- times handed to the SMTP server
    last_error    VARCHAR(1000),
    sent_at       TIMESTAMP WITH TIME ZONE,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT letter_delivery_uq UNIQUE (migration_id, kind, recipient)
);

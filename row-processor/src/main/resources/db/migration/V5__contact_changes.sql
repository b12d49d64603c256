-- Contact changes (topic contacts.changes) are announced after their transaction commits, and again after a crash
-- in between; these columns keep what is needed to announce them again.

-- An import's changes, derived from its ledger: the rows of the batch that created ('c') or updated ('u') a contact,
-- and that contact's id, in the same order. A redelivered batch rebuilds its events from its rows and these.
ALTER TABLE applied_batches
    ADD COLUMN changed_rows     bigint[],
    ADD COLUMN changed_contacts uuid[],
    ADD COLUMN change_kinds     text;

-- The contacts API's changes: written in the change's transaction, sent in order by the relay, deleted once sent.
CREATE TABLE change_outbox (
    sequence    bigserial PRIMARY KEY,
    id          uuid        NOT NULL DEFAULT gen_random_uuid(),
    team_id     uuid        NOT NULL,
    contact_id  uuid        NOT NULL,
    email       text        NOT NULL,
    change_type text        NOT NULL,
    fields      jsonb       NOT NULL,
    changed_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE contacts (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    team_id      uuid        NOT NULL,
    email        text        NOT NULL,
    first_name   text,
    last_name    text,
    unsubscribed boolean     NOT NULL DEFAULT false,
    properties   jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT contacts_team_email UNIQUE (team_id, email)
);

-- One row per applied batch, written in the same transaction as the batch's contacts: a redelivered batch finds
-- its row and re-publishes the stored outcome instead of being applied again.
CREATE TABLE applied_batches (
    import_id  uuid        NOT NULL,
    bucket     int         NOT NULL,
    sequence   int         NOT NULL,
    team_id    uuid        NOT NULL,
    created    int         NOT NULL,
    updated    int         NOT NULL,
    skipped    int         NOT NULL,
    failed     int         NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (import_id, bucket, sequence)
);

-- Rows that could not be applied, with their cells as read, so the user can fix and re-import them.
CREATE TABLE failed_rows (
    import_id  uuid   NOT NULL,
    row_number bigint NOT NULL,
    team_id    uuid   NOT NULL,
    email      text,
    reason     text   NOT NULL,
    message    text   NOT NULL,
    cells      jsonb  NOT NULL,
    PRIMARY KEY (import_id, row_number)
);

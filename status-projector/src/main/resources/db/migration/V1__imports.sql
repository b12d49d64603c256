-- The projection of an import: what was asked (from ImportRequested) and its status.
-- Counts are not stored here: they are the sum of batch_outcomes, so a redelivered outcome can never count twice.
CREATE TABLE imports (
    id               uuid PRIMARY KEY,
    team_id          uuid        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('queued', 'in_progress', 'completed', 'failed')),
    file_name        text,
    file_size        bigint,
    on_conflict      text        NOT NULL,
    column_map       jsonb       NOT NULL,
    segments         jsonb       NOT NULL,
    topics           jsonb       NOT NULL,
    created_at       timestamptz NOT NULL,
    completed_at     timestamptz
);
CREATE INDEX imports_team_created ON imports (team_id, created_at DESC, id DESC);

CREATE TABLE batch_outcomes (
    import_id uuid NOT NULL,
    bucket    int  NOT NULL,
    sequence  int  NOT NULL,
    created   int  NOT NULL,
    updated   int  NOT NULL,
    skipped   int  NOT NULL,
    failed    int  NOT NULL,
    PRIMARY KEY (import_id, bucket, sequence)
);

-- How the splitter cut the file (first report wins: a re-split yields the same numbers).
CREATE TABLE splits (
    import_id        uuid PRIMARY KEY,
    total_rows       bigint NOT NULL,
    expected_batches int    NOT NULL,
    error_name       text,
    error_message    text
);

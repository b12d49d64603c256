-- The first answer to a request sent with an Idempotency-Key, replayed for 24 h to the same request. A row with
-- no status_code is a request still being handled. Rows older than 24 h are reused by the next request.
CREATE TABLE idempotency_keys (
    team_id       uuid        NOT NULL REFERENCES teams (id),
    key           text        NOT NULL,
    fingerprint   text        NOT NULL,
    status_code   int,
    content_type  text,
    response_body bytea,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (team_id, key)
);

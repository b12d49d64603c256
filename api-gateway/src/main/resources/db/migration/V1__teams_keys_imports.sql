CREATE TABLE teams (
    id         uuid PRIMARY KEY,
    name       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Keys are stored as SHA-256 hashes, never in clear.
CREATE TABLE api_keys (
    id         uuid PRIMARY KEY,
    team_id    uuid        NOT NULL REFERENCES teams (id),
    name       text        NOT NULL,
    key_hash   text        NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz
);

-- An accepted upload and the ImportRequested event that announces it (an outbox: published_at is set once
-- Kafka acknowledged it; a scheduler re-publishes what a crash left unpublished).
CREATE TABLE import_requests (
    id           uuid PRIMARY KEY,
    team_id      uuid        NOT NULL REFERENCES teams (id),
    object_key   text        NOT NULL,
    file_name    text,
    file_size    bigint      NOT NULL,
    event        jsonb       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz
);
CREATE INDEX import_requests_unpublished ON import_requests (created_at) WHERE published_at IS NULL;

CREATE TABLE contact_properties (
    id             uuid PRIMARY KEY,
    team_id        uuid        NOT NULL,
    key            text        NOT NULL CHECK (key ~ '^[A-Za-z0-9_]{1,50}$'),
    type           text        NOT NULL CHECK (type IN ('string', 'number', 'boolean', 'date')),
    fallback_value text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT contact_properties_team_key UNIQUE (team_id, key)
);

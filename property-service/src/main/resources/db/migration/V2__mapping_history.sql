-- What a team confirmed for a header (normalised) the last time it imported a file with an explicit column_map:
-- the next suggestion for the same header follows it.
CREATE TABLE mapping_history (
    team_id      uuid        NOT NULL,
    header_key   text        NOT NULL,
    target       text        NOT NULL CHECK (target IN ('email', 'first_name', 'last_name', 'unsubscribed', 'property', 'ignore')),
    key          text,
    type         text,
    confirmed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (team_id, header_key)
);

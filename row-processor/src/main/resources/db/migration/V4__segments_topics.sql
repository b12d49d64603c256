-- Segments and topics are defined here, beside the contacts whose memberships they hold, so an import applies
-- them in the same transaction as the batch's contact writes.
CREATE TABLE segments (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    team_id    uuid        NOT NULL,
    name       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX segments_team_created ON segments (team_id, created_at DESC, id DESC);

CREATE TABLE topics (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    team_id              uuid        NOT NULL,
    name                 text        NOT NULL,
    description          text,
    default_subscription text        NOT NULL CHECK (default_subscription IN ('opt_in', 'opt_out')),
    created_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX topics_team_created ON topics (team_id, created_at DESC, id DESC);

CREATE TABLE segment_members (
    segment_id uuid        NOT NULL REFERENCES segments ON DELETE CASCADE,
    contact_id uuid        NOT NULL REFERENCES contacts ON DELETE CASCADE,
    added_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (segment_id, contact_id)
);
CREATE INDEX segment_members_contact ON segment_members (contact_id);

-- A contact's explicit choice per topic; without a row, the topic's default subscription applies.
CREATE TABLE topic_subscriptions (
    contact_id   uuid NOT NULL REFERENCES contacts ON DELETE CASCADE,
    topic_id     uuid NOT NULL REFERENCES topics ON DELETE CASCADE,
    subscription text NOT NULL CHECK (subscription IN ('opt_in', 'opt_out')),
    PRIMARY KEY (contact_id, topic_id)
);
CREATE INDEX topic_subscriptions_topic ON topic_subscriptions (topic_id);

CREATE INDEX contacts_team_created ON contacts (team_id, created_at DESC, id DESC);

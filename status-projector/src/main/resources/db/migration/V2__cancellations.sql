-- A team asked to stop an import. Kept apart from imports so that a cancellation that arrives before the
-- ImportRequested event is not lost: the status refresh reads both.
CREATE TABLE cancellations (
    import_id   uuid PRIMARY KEY,
    canceled_at timestamptz NOT NULL DEFAULT now()
);

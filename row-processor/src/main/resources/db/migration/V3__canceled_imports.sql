-- Imports their team canceled (learned from contact-imports.status): their remaining batches are not applied.
CREATE TABLE canceled_imports (
    import_id   uuid PRIMARY KEY,
    canceled_at timestamptz NOT NULL DEFAULT now()
);

-- When each outcome was recorded: an import in progress whose last outcome is old is stalled (the
-- contact_imports_stalled gauge, imports/service/ImportMetrics).
ALTER TABLE batch_outcomes ADD COLUMN recorded_at timestamptz NOT NULL DEFAULT now();

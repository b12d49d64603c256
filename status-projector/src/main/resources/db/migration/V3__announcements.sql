-- What has been announced on contact-imports.status for each import: created, in_progress, completed or failed.
-- Announcements are derived from this and the status, so one that a crash or an outage kept from being sent (after
-- the status was committed) is sent when the import's next event arrives, or by the sweeper.
ALTER TABLE imports ADD COLUMN announced text
    CHECK (announced IN ('created', 'in_progress', 'completed', 'failed'));
UPDATE imports SET announced = CASE status WHEN 'queued' THEN 'created' ELSE status END;
CREATE INDEX imports_unannounced ON imports (created_at)
    WHERE announced IS DISTINCT FROM CASE status WHEN 'queued' THEN 'created' ELSE status END;

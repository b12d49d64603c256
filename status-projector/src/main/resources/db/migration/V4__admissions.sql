-- Admission: an import starts (is split) only while its team has fewer imports of its lane running than it may run at
-- once; the rest wait, queued, in the order they were requested. The lane (bulk or express) follows from the file's
-- size when the import is requested, so a team's small import never waits behind its own large ones either. The request is kept to be announced on
-- contact-imports.admitted when the import's turn comes; admission_announced says Kafka has that announcement, so one
-- a crash or an outage kept from being sent goes out with the team's next event or from the sweeper.
ALTER TABLE imports ADD COLUMN request jsonb;
ALTER TABLE imports ADD COLUMN lane text NOT NULL DEFAULT 'bulk' CHECK (lane IN ('bulk', 'express'));
ALTER TABLE imports ADD COLUMN admitted_at timestamptz;
ALTER TABLE imports ADD COLUMN admission_announced boolean NOT NULL DEFAULT false;
-- Imports requested before admission existed were split on request.
UPDATE imports SET admitted_at = created_at, admission_announced = true;
-- What runs and what waits, per team: only imports that have not ended.
CREATE INDEX imports_team_unfinished ON imports (team_id, created_at, id) WHERE status IN ('queued', 'in_progress');
CREATE INDEX imports_admission_unannounced ON imports (admitted_at)
    WHERE admitted_at IS NOT NULL AND NOT admission_announced;

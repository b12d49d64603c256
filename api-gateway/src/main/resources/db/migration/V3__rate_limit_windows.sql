-- Requests per team in the current second, counted here so that every gateway instance counts into the same window
-- (ratelimit/RateLimits). One row per team, reused each second. Unlogged: no WAL and no fsync per request; a crash
-- empties the table, which only gives a team a fresh window.
CREATE UNLOGGED TABLE rate_limit_windows (
    team_id      uuid        PRIMARY KEY,
    window_start timestamptz NOT NULL,
    used         int         NOT NULL
);

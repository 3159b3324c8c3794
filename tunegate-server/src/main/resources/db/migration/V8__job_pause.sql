-- Pausing and resuming jobs (issue 6).
-- When the provider last accepted a pause or resume asked through the API: a poll that asked before then
-- may still carry the old state and must not undo the change.
alter table jobs add column pause_changed_at timestamptz;

-- The sandbox's pauses, as instants: [paused, resumed, paused, ...]; an odd count means paused now.
alter table sandbox_jobs add column pauses timestamptz[] not null default '{}';

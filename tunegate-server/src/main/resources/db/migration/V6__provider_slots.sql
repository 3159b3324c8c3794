-- Jobs wait in queued while their provider runs as many of our jobs as it allows (tunegate.providers.<id>.
-- max-concurrent-jobs); slot_wait_since says since when, so the wait is noted once and shown.
alter table jobs add column slot_wait_since timestamptz;

-- Counting a provider's occupied slots and its queue, first in first out.
create index jobs_active_provider_idx on jobs (provider, created_at, id)
    where status not in ('succeeded', 'failed', 'cancelled');

-- Transient failures putting the data at the provider: they cannot have created a provider job, so they are
-- counted apart from submission attempts (which may have).
alter table jobs add column staging_failures int not null default 0;

-- Budgets, the spend ledger that reserves estimates and settles actual costs, and the alerts already sent.
create table budgets (
    id          uuid primary key,
    project_id  uuid not null references projects(id),
    period      text not null check (period in ('monthly', 'lifetime')),
    limit_usd   numeric(18, 6) not null check (limit_usd >= 0),
    thresholds  integer[] not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    unique (project_id, period)
);

-- One row per job: its reservation while it runs, its actual cost once it ends. A monthly budget counts the
-- jobs reserved in that month (UTC).
create table spend (
    job_id        uuid primary key,
    project_id    uuid not null references projects(id),
    provider      text not null,
    base_model    text not null,
    job_name      text not null,
    reserved_usd  numeric(18, 6) not null,
    actual_usd    numeric(18, 6),
    reserved_at   timestamptz not null,
    settled_at    timestamptz
);
create index spend_project_time_idx on spend (project_id, reserved_at);

create table budget_alerts (
    budget_id     uuid not null references budgets(id) on delete cascade,
    period_start  date not null,
    threshold     integer not null,
    reached_at    timestamptz not null,
    primary key (budget_id, period_start, threshold)
);

-- the estimate a job acted on: its quote on every provider, as POST /v1/estimates shows it
alter table jobs add column estimate jsonb;

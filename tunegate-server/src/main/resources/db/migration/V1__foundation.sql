-- Projects and API keys: every resource belongs to a project; keys are stored as SHA-256 hashes only.
create table projects (
    id          uuid primary key,
    name        text not null unique,
    created_at  timestamptz not null
);

create table api_keys (
    id          uuid primary key,
    project_id  uuid not null references projects(id),
    name        text not null,
    key_prefix  text not null,
    key_hash    bytea not null unique,
    created_at  timestamptz not null,
    revoked_at  timestamptz
);

-- The Job aggregate. status is normalized; provider_status keeps the provider's raw word beside it.
create table jobs (
    id                      uuid primary key,
    project_id              uuid not null references projects(id),
    job_name                text not null,
    base_model              text not null,
    training_data           text not null,
    validation_data         text,
    hyperparameters         jsonb not null,
    provider_options        jsonb not null,
    metadata                jsonb not null,
    requested_provider      text not null,
    provider_plan           jsonb not null,
    plan_position           int not null,
    provider                text not null,
    provider_job_id         text,
    status                  text not null,
    provider_status         text,
    budget_limit            numeric(20, 6),
    estimated_cost_usd      numeric(20, 6),
    estimate_basis          text not null,
    actual_cost_usd         numeric(20, 6),
    trained_tokens          bigint,
    fine_tuned_model        text,
    error_code              text,
    error_message           text,
    webhook_url             text,
    submit_attempts         int not null,
    poll_failures           int not null,
    poll_failing_since      timestamptz,
    cancel_sent             boolean not null,
    provider_event_cursor   text,
    last_event_seq          int not null,
    created_at              timestamptz not null,
    updated_at              timestamptz not null,
    started_at              timestamptz,
    finished_at             timestamptz,
    version                 bigint not null
);
create index jobs_project_id_idx on jobs (project_id, id desc);
create index jobs_project_status_idx on jobs (project_id, status, id desc);
create index jobs_active_idx on jobs (status) where status not in ('succeeded', 'failed', 'cancelled');

-- Append-only history of a job; seq numbers are per job and are the SSE event ids.
create table job_events (
    job_id          uuid not null references jobs(id),
    seq             int not null,
    type            text not null,
    status          text not null,
    provider_status text,
    message         text not null,
    data            jsonb,
    created_at      timestamptz not null,
    primary key (job_id, seq)
);

-- Training curve points; one row per step, re-polls are idempotent.
create table job_metrics (
    job_id      uuid not null references jobs(id),
    step        int not null,
    epoch       numeric(10, 4),
    train_loss  double precision,
    valid_loss  double precision,
    extra       jsonb,
    recorded_at timestamptz not null,
    primary key (job_id, step)
);

-- Idempotency-Key records: the first answer is replayed for the same key and body.
create table idempotency_keys (
    project_id      uuid not null references projects(id),
    idem_key        text not null,
    request_hash    bytea not null,
    job_id          uuid not null,
    response_status int not null,
    response_body   text not null,
    created_at      timestamptz not null,
    primary key (project_id, idem_key)
);
create index idempotency_keys_created_at_idx on idempotency_keys (created_at);

-- Model registry: a registered model per (project, job_name), a version per succeeded job.
create table registered_models (
    id          uuid primary key,
    project_id  uuid not null references projects(id),
    name        text not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    unique (project_id, name)
);

create table model_versions (
    id                  uuid primary key,
    model_id            uuid not null references registered_models(id),
    version             int not null,
    job_id              uuid not null unique,
    provider            text not null,
    provider_model_id   text not null,
    base_model          text not null,
    training_data       text not null,
    validation_data     text,
    hyperparameters     jsonb not null,
    trained_tokens      bigint,
    cost_usd            numeric(20, 6),
    created_at          timestamptz not null,
    unique (model_id, version)
);

-- The sandbox provider's own state (it plays a provider, so it keeps its jobs like a provider would).
create table sandbox_jobs (
    id                  text primary key,
    client_token        text not null unique,
    base_model          text not null,
    outcome             text not null,
    steps               int not null,
    duration_ms         bigint not null,
    trained_tokens      bigint not null,
    created_at          timestamptz not null,
    cancelled_at        timestamptz
);

-- db-scheduler (persistent, cluster-safe tracking of active jobs), schema as the library documents it.
create table scheduled_tasks (
    task_name            text not null,
    task_instance        text not null,
    task_data            bytea,
    execution_time       timestamptz not null,
    picked               boolean not null,
    picked_by            text,
    last_success         timestamptz,
    last_failure         timestamptz,
    consecutive_failures int,
    last_heartbeat       timestamptz,
    version              bigint not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);

-- Spring Modulith's event publication registry (schema v2), so module listeners get every event at least once.
create table event_publication (
    id                     uuid not null primary key,
    listener_id            text not null,
    event_type             text not null,
    serialized_event       text not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

-- Outgoing webhooks: the endpoints a project registers. A secret is stored in clear because it is needed to
-- sign; the API shows it once, at creation or rotation. During a rotation the previous secret keeps signing
-- (a second signature) until previous_secret_expires_at.
create table webhook_endpoints (
    id                          uuid primary key,
    project_id                  uuid not null references projects(id),
    url                         text not null,
    description                 text,
    event_types                 text[] not null,
    enabled                     boolean not null,
    disabled_reason             text,
    secret                      text not null,
    previous_secret             text,
    previous_secret_expires_at  timestamptz,
    created_at                  timestamptz not null,
    updated_at                  timestamptz not null
);
create index webhook_endpoints_project_idx on webhook_endpoints (project_id, id);

-- The transactional outbox: one row per event and receiver, written in the transaction of the state change
-- the event announces. message_id is the webhook-id header, the same for every attempt (and every receiver
-- of one event), so receivers can drop duplicates. job_url: a job's own webhook_url, signed with the secret
-- of endpoint_id (the project's default endpoint); null means the endpoint's own url.
create table webhook_deliveries (
    id               uuid primary key,
    project_id       uuid not null references projects(id),
    endpoint_id      uuid not null references webhook_endpoints(id) on delete cascade,
    job_url          text,
    message_id       text not null,
    event_type       text not null,
    payload          text not null,
    status           text not null check (status in ('pending', 'succeeded', 'failed')),
    attempts         integer not null default 0,
    next_attempt_at  timestamptz,
    created_at       timestamptz not null,
    updated_at       timestamptz not null
);
create index webhook_deliveries_endpoint_idx on webhook_deliveries (endpoint_id, id);

-- Every attempt: what the receiver answered (or why nothing was) and how long it took.
create table webhook_attempts (
    delivery_id    uuid not null references webhook_deliveries(id) on delete cascade,
    attempt        integer not null,
    attempted_at   timestamptz not null,
    succeeded      boolean not null,
    response_code  integer,
    latency_ms     integer not null,
    error          text,
    primary key (delivery_id, attempt)
);

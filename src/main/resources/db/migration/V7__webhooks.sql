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

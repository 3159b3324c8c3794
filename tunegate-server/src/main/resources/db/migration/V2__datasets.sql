-- Uploaded datasets: the bytes live in content-addressed storage, the validation report here.
create table datasets (
    id              uuid primary key,
    project_id      uuid not null references projects(id),
    filename        text not null,
    content_sha256  text not null,
    bytes           bigint not null,
    storage_key     text not null,
    format          text not null,
    valid           boolean not null,
    examples        bigint not null,
    tokenizer       text not null,
    report          jsonb not null,
    created_at      timestamptz not null
);
create index datasets_project_idx on datasets (project_id, id desc);

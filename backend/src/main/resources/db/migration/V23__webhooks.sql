-- Webhook endpoints that admins register, and one delivery per event and endpoint. A delivery is
-- written in the transaction of its event (the outbox's), so a rolled-back change sends nothing.
create table webhook_endpoint (
    id            uuid        primary key,
    url           text        not null check (url ~ '^https?://' and length(url) <= 2000),
    event_types   text[]      not null check (cardinality(event_types) >= 1),
    description   text        check (length(description) <= 200),
    secret        text        not null check (secret like 'whsec_%'),
    enabled       boolean     not null default true,
    created_at    timestamptz not null,
    -- Since when every delivery has failed; null while the endpoint answers.
    failing_since timestamptz
);

create table webhook_delivery (
    id              uuid        primary key,
    seq             bigint      generated always as identity unique,
    endpoint_id     uuid        not null references webhook_endpoint (id) on delete cascade,
    event_id        uuid        not null references domain_event (id),
    subject_id      uuid        not null,
    status          text        not null default 'PENDING' check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        integer     not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz not null,
    last_status     integer,
    last_duration_ms integer,
    last_excerpt    text        check (length(last_excerpt) <= 500),
    delivered_at    timestamptz,
    constraint webhook_delivery_once unique (endpoint_id, event_id),
    constraint webhook_delivery_delivered check ((status = 'DELIVERED') = (delivered_at is not null))
);

-- The worker's question: what is due, oldest first.
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
-- Order per subject: an earlier delivery of the same subject to the same endpoint goes first.
create index webhook_delivery_by_subject on webhook_delivery (endpoint_id, subject_id, seq) where status = 'PENDING';

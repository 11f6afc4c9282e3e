-- The outbox: every change worth telling (an order placed, a slot cancelled, a payment…) writes
-- its event here in the same transaction as the change, so an event exists exactly when its
-- change was committed. Mails, webhooks and dashboards are fed from it by workers, never inside
-- a member's request.
create table domain_event (
    id           uuid        primary key,
    -- The order events were committed in, for delivery in order per subject.
    seq          bigint      generated always as identity unique,
    type         text        not null check (type ~ '^[a-z_]+\.[a-z_]+$'),
    version      integer     not null check (version >= 1),
    occurred_at  timestamptz not null,
    subject_type text        not null check (subject_type ~ '^[a-z_]+$'),
    subject_id   uuid        not null,
    payload      jsonb       not null check (jsonb_typeof(payload) = 'object')
);

create index domain_event_by_subject on domain_event (subject_type, subject_id, seq);
create index domain_event_by_type on domain_event (type, seq);

-- Events are facts: once written they are neither changed nor deleted.
create function domain_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'domain events are append-only' using errcode = 'P0001';
end;
$$;

create trigger domain_event_append_only before update or delete on domain_event
    for each row execute function domain_event_is_append_only();

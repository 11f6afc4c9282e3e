-- Why and when a member's status changed. History: never changed, never deleted.
create table member_status_change (
    id          uuid        primary key,
    seq         bigint      generated always as identity unique,
    member_id   uuid        not null references member (id),
    from_status text        not null check (from_status in ('PENDING', 'ACTIVE', 'SUSPENDED', 'LEFT')),
    to_status   text        not null check (to_status in ('PENDING', 'ACTIVE', 'SUSPENDED', 'LEFT')),
    reason      text        not null check (length(btrim(reason)) > 0),
    changed_by  uuid        references member (id),
    changed_at  timestamptz not null default now(),
    constraint member_status_change_changes check (from_status <> to_status)
);

create index member_status_change_member on member_status_change (member_id, seq desc);

create function history_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is history: its rows are never changed or deleted', tg_table_name;
end $$;

create trigger member_status_change_append_only before update or delete on member_status_change
    for each row execute function history_is_append_only();

-- Searching members by name, e-mail or number, accents and case ignored.
create index member_search on member (search_text(first_name || ' ' || last_name || ' ' || email || ' ' || member_number));

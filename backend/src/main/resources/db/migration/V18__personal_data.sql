-- Members' own data (GDPR): the log of exports and erasures, and the one rewrite of history
-- that erasing a departed member needs.

-- Who exported or erased whose data, and when. History: never changed nor deleted.
create table personal_data_action (
    id           uuid        primary key,
    seq          bigint      generated always as identity unique,
    kind         text        not null check (kind in ('EXPORT', 'ERASURE')),
    member_id    uuid        not null references member (id),
    performed_by uuid        references member (id),
    performed_at timestamptz not null default now()
);

create index personal_data_action_member on personal_data_action (member_id, seq desc);

create trigger personal_data_action_append_only before update or delete on personal_data_action
    for each row execute function history_is_append_only();

-- Set once, by the erasure; an erased member is never erased nor renamed again.
alter table member add column erased_at timestamptz;

create function member_erased_stays_erased() returns trigger language plpgsql as $$
begin
    if old.erased_at is not null
       and (to_jsonb(new) - 'version' - 'household_id') is distinct from (to_jsonb(old) - 'version' - 'household_id') then
        raise exception 'member % was erased: their personal data cannot come back', old.member_number;
    end if;
    if new.erased_at is not null and old.erased_at is null and old.status <> 'LEFT' then
        raise exception 'only a member who left can be erased';
    end if;
    return new;
end $$;

create trigger member_erased_stays_erased before update on member
    for each row execute function member_erased_stays_erased();

-- The member whose erasure the current transaction declared (set_config('panier.erasing_member',
-- id, true)), if they left; null otherwise. Only then may history rows change, and only their
-- free texts: nothing else in them, and never a deletion.
create function erasing_member() returns uuid language sql stable as $$
    select m.id from member m
     where m.status = 'LEFT' and m.id::text = nullif(current_setting('panier.erasing_member', true), '')
$$;

create function member_status_change_is_history() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and old.member_id = erasing_member()
       and (to_jsonb(new) - 'reason') = (to_jsonb(old) - 'reason') then
        return new;
    end if;
    raise exception '% is history: its rows are never changed or deleted', tg_table_name;
end $$;

drop trigger member_status_change_append_only on member_status_change;
create trigger member_status_change_append_only before update or delete on member_status_change
    for each row execute function member_status_change_is_history();

create or replace function ledger_entry_is_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE'
       and old.household_id = (select household_id from member where id = erasing_member())
       and (to_jsonb(new) - 'reason' - 'reference') = (to_jsonb(old) - 'reason' - 'reference') then
        return new;
    end if;
    raise exception 'ledger entries are never changed or deleted; record a correction instead';
end $$;

-- Volunteer shifts (créneaux de bénévolat) and members' sign-ups. As for pickup slots (V10, V11),
-- PostgreSQL counts a shift's seats taken from its live sign-ups, and the check of shift refuses
-- the sign-up that would be one too many, whatever the Java did and however many sign at once.

create table shift (
    id         uuid        primary key,
    task       text        not null check (length(btrim(task)) between 1 and 80),
    place      text        not null check (length(btrim(place)) between 1 and 200),
    starts_at  timestamptz not null,
    ends_at    timestamptz not null,
    seats      int         not null check (seats between 1 and 50),
    -- Live sign-ups, counted by the trigger below under the shift's row lock.
    taken      int         not null default 0 check (taken >= 0),
    status     text        not null default 'OPEN' check (status in ('OPEN', 'CANCELLED')),
    version    bigint      not null default 0,
    created_at timestamptz not null default now(),
    constraint shift_seats_taken check (taken <= seats),
    constraint shift_times check (ends_at > starts_at)
);

create index shift_by_start on shift (starts_at, id);

create table shift_signup (
    id           uuid        primary key,
    shift_id     uuid        not null references shift (id),
    member_id    uuid        not null references member (id),
    status       text        not null default 'SIGNED_UP' check (status in ('SIGNED_UP', 'WITHDRAWN')),
    signed_up_at timestamptz not null default now(),
    withdrawn_at timestamptz,
    constraint shift_signup_withdrawn check ((status = 'WITHDRAWN') = (withdrawn_at is not null))
);

-- One live sign-up per member and shift: a second tap is a duplicate, not a second seat.
create unique index shift_signup_one_live on shift_signup (shift_id, member_id) where status = 'SIGNED_UP';
create index shift_signup_by_member on shift_signup (member_id) where status = 'SIGNED_UP';

create function shift_signup_takes_seat() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and old.status = 'SIGNED_UP' then
        update shift set taken = taken - 1 where id = old.shift_id;
    end if;
    if new.status = 'SIGNED_UP' then
        update shift set taken = taken + 1 where id = new.shift_id;
    end if;
    return null;
end
$$;

create trigger shift_signup_made after insert on shift_signup
    for each row execute function shift_signup_takes_seat();

create trigger shift_signup_changed after update of status, shift_id on shift_signup
    for each row when (old.status is distinct from new.status or old.shift_id is distinct from new.shift_id)
    execute function shift_signup_takes_seat();

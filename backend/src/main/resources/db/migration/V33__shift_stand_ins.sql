-- Stand-ins (« je cherche un remplaçant »): past the withdrawal delay, a member offers their seat;
-- the first member who takes it signs up in their place, and the original sign-up is released
-- (REPLACED: no longer a live seat, no hours for it). PostgreSQL holds the rules: a request is
-- taken once and by one stand-in, a closed request stays closed, a released sign-up stays
-- released, and the seats taken stay counted by V32's trigger.

alter table shift_signup drop constraint shift_signup_status_check;
alter table shift_signup add constraint shift_signup_status_check
    check (status in ('SIGNED_UP', 'WITHDRAWN', 'REPLACED'));
alter table shift_signup add column replaced_at timestamptz;
alter table shift_signup add constraint shift_signup_replaced check ((status = 'REPLACED') = (replaced_at is not null));

-- A seat given to a stand-in is not taken back: the stand-in holds it now.
create function shift_signup_replaced_is_final() returns trigger language plpgsql as $$
begin
    raise exception 'a replaced shift sign-up stays replaced' using errcode = '23514';
end
$$;

create trigger shift_signup_replaced_final before update of status on shift_signup
    for each row when (old.status = 'REPLACED' and new.status is distinct from old.status)
    execute function shift_signup_replaced_is_final();

create table shift_stand_in (
    id                 uuid        primary key,
    shift_id           uuid        not null references shift (id),
    -- The seat offered: the original member's sign-up.
    signup_id          uuid        not null references shift_signup (id),
    status             text        not null default 'OPEN' check (status in ('OPEN', 'TAKEN', 'CANCELLED')),
    requested_at       timestamptz not null,
    closed_at          timestamptz,
    -- The stand-in's own sign-up, once taken: one request, one stand-in, and a sign-up replaces one seat only.
    stand_in_signup_id uuid        unique references shift_signup (id),
    -- The stand-in's Idempotency-Key: a retry of the taking returns the same sign-up.
    idempotency_key    text        unique check (length(idempotency_key) between 8 and 100),
    constraint shift_stand_in_closed check ((status = 'OPEN') = (closed_at is null)),
    constraint shift_stand_in_taken check ((status = 'TAKEN') = (stand_in_signup_id is not null)),
    constraint shift_stand_in_key check (idempotency_key is null or status = 'TAKEN')
);

-- One open request per seat, and a seat is taken over at most once.
create unique index shift_stand_in_one_open on shift_stand_in (signup_id) where status = 'OPEN';
create unique index shift_stand_in_taken_once on shift_stand_in (signup_id) where status = 'TAKEN';
create index shift_stand_in_open_by_shift on shift_stand_in (shift_id, requested_at) where status = 'OPEN';

-- A request names a live seat of its shift; it closes once (taken or cancelled) and then stays
-- as it is; a taken request has released its seat to a live sign-up of the same shift.
create function shift_stand_in_checked() returns trigger language plpgsql as $$
declare
    offered shift_signup;
    taker   shift_signup;
begin
    if tg_op = 'UPDATE' and old.status <> 'OPEN' then
        raise exception 'a closed stand-in request stays closed' using errcode = '23514';
    end if;
    if tg_op = 'UPDATE' and (new.shift_id <> old.shift_id or new.signup_id <> old.signup_id) then
        raise exception 'a stand-in request keeps its seat' using errcode = '23514';
    end if;
    select * into offered from shift_signup where id = new.signup_id;
    if offered.shift_id <> new.shift_id then
        raise exception 'a stand-in request offers a seat of its own shift' using errcode = '23514';
    end if;
    if new.status = 'OPEN' and offered.status <> 'SIGNED_UP' then
        raise exception 'only a live seat can be offered' using errcode = '23514';
    end if;
    if new.status = 'TAKEN' then
        select * into taker from shift_signup where id = new.stand_in_signup_id;
        if offered.status <> 'REPLACED' or taker.status <> 'SIGNED_UP' or taker.shift_id <> new.shift_id
                or taker.member_id = offered.member_id then
            raise exception 'a taken request replaced its seat by another member''s live sign-up'
                using errcode = '23514';
        end if;
    end if;
    return new;
end
$$;

create trigger shift_stand_in_rules before insert or update on shift_stand_in
    for each row execute function shift_stand_in_checked();

-- Members choose (Mon compte) whether they get the co-op's calls for volunteers by mail: seats
-- offered by members looking for a stand-in, and shifts short of people. On by default.
alter table member add column volunteer_offers boolean not null default true;

-- `shift.understaffed` is recorded by a scheduled job, at most once per shift whatever the number
-- of instances or runs. Its own index, so that other events' once-only indexes stay their own.
create unique index domain_event_shift_understaffed_once on domain_event (subject_id)
    where type = 'shift.understaffed';


-- Volunteer hours (issue 12): who coordinates a shift, attendance, the households' hours
-- ledger, hours logged outside shifts, gifts between households, exemptions, pauses, the
-- co-op's rule, and the last standing told of each household.
--
-- What must never happen, PostgreSQL refuses: a sign-up credited twice (one live credit per
-- sign-up), a ledger entry changed or deleted (reversals are counter-entries), a reversal of
-- a reversal or of the same credit twice, logged hours or a gift credited twice, two pauses of
-- a household over the same days.

create extension if not exists btree_gist;

-- The co-op's rule: one row, edited by admins (ETag from `version`).
create table volunteer_rules (
    id                       boolean     primary key default true check (id),
    kind                     text        not null default 'HOURS_PER_MONTH'
                                         check (kind in ('HOURS_PER_MONTH', 'SHIFTS_PER_CYCLE')),
    -- HOURS_PER_MONTH: what each adult of a household owes a month (children do not count).
    minutes_per_adult        int         not null default 180 check (minutes_per_adult between 0 and 6000),
    -- SHIFTS_PER_CYCLE: so many shifts per adult every 4 weeks, each counted shift_minutes.
    shifts_per_cycle         int         not null default 1 check (shifts_per_cycle between 1 and 20),
    shift_minutes            int         not null default 180 check (shift_minutes between 15 and 720),
    -- Nothing is owed before this day (the co-op starts counting).
    counting_from            date        not null default current_date,
    grace_days               int         not null default 30 check (grace_days between 0 and 365),
    alert_after_minutes      int         not null default 0 check (alert_after_minutes between 0 and 6000),
    suspend_after_minutes    int         not null default 720 check (suspend_after_minutes between 1 and 100000),
    ordering_gate            boolean     not null default false,
    pause_max_weeks_per_year int         not null default 8 check (pause_max_weeks_per_year between 0 and 52),
    version                  bigint      not null default 0,
    constraint volunteer_rules_thresholds check (suspend_after_minutes > alert_after_minutes)
);

insert into volunteer_rules default values;

-- The member who coordinates a shift: they mark its attendance, as admins do.
create table shift_coordinator (
    shift_id  uuid        primary key references shift (id),
    member_id uuid        not null references member (id),
    named_by  uuid        references member (id),
    named_at  timestamptz not null
);

create index shift_coordinator_by_member on shift_coordinator (member_id);

-- The current mark of a sign-up; the credits it gave are in volunteer_credit.
create table shift_attendance (
    signup_id uuid        primary key references shift_signup (id),
    mark      text        not null check (mark in ('ATTENDED', 'ABSENT', 'EXCUSED')),
    marked_by uuid        references member (id),
    marked_at timestamptz not null
);

-- Hours done for the co-op outside shifts, logged by a member and validated (or refused) once.
create table volunteer_logged_hours (
    id              uuid        primary key,
    household_id    uuid        not null references household (id),
    member_id       uuid        not null references member (id),
    done_on         date        not null,
    minutes         int         not null check (minutes between 1 and 1440),
    description     text        not null check (length(btrim(description)) between 1 and 300),
    status          text        not null default 'PENDING' check (status in ('PENDING', 'VALIDATED', 'REFUSED')),
    decided_by      uuid        references member (id),
    decided_at      timestamptz,
    refusal_reason  text        check (length(refusal_reason) <= 500),
    logged_at       timestamptz not null,
    idempotency_key text,
    request_hash    text,
    constraint volunteer_logged_hours_idempotency unique (member_id, idempotency_key),
    constraint volunteer_logged_hours_decided check ((status = 'PENDING') = (decided_at is null)),
    constraint volunteer_logged_hours_refused check (status = 'REFUSED' or refusal_reason is null)
);

create index volunteer_logged_hours_pending on volunteer_logged_hours (logged_at, id) where status = 'PENDING';
create index volunteer_logged_hours_by_household on volunteer_logged_hours (household_id, logged_at desc, id);

-- Hours a household gives another from its surplus (solidarity); each side has its ledger entry.
create table volunteer_gift (
    id              uuid        primary key,
    from_household  uuid        not null references household (id),
    to_household    uuid        not null references household (id),
    -- Who gave, and the member they named (whose household receives).
    member_id       uuid        not null references member (id),
    to_member       uuid        not null references member (id),
    minutes         int         not null check (minutes between 1 and 6000),
    note            text        check (length(note) <= 300),
    given_on        date        not null,
    given_at        timestamptz not null,
    idempotency_key text,
    request_hash    text,
    constraint volunteer_gift_idempotency unique (member_id, idempotency_key),
    constraint volunteer_gift_to_another check (from_household <> to_household)
);

-- The hours ledger: every change of a household's hours is one entry, in signed minutes, counted
-- in the month of `counts_on`. Entries are never changed nor deleted; an attendance mark taken
-- back is a REVERSAL entry pointing to the credit it cancels, which the trigger below marks.
create table volunteer_credit (
    id              uuid        primary key,
    household_id    uuid        not null references household (id),
    kind            text        not null check (kind in ('SHIFT', 'REVERSAL', 'LOGGED', 'GIFT_GIVEN', 'GIFT_RECEIVED')),
    minutes         int         not null check (minutes <> 0 and abs(minutes) <= 6000),
    counts_on       date        not null,
    signup_id       uuid        references shift_signup (id),
    logged_hours_id uuid        references volunteer_logged_hours (id),
    gift_id         uuid        references volunteer_gift (id),
    reverses        uuid        unique references volunteer_credit (id),
    reversed_by     uuid        unique references volunteer_credit (id),
    recorded_by     uuid        references member (id),
    recorded_at     timestamptz not null,
    constraint volunteer_credit_source check (case kind
        when 'SHIFT' then signup_id is not null and minutes > 0 and reverses is null
        when 'REVERSAL' then signup_id is not null and minutes < 0 and reverses is not null and reversed_by is null
        when 'LOGGED' then logged_hours_id is not null and minutes > 0 and reverses is null and reversed_by is null
        when 'GIFT_GIVEN' then gift_id is not null and minutes < 0 and reverses is null and reversed_by is null
        else gift_id is not null and minutes > 0 and reverses is null and reversed_by is null end)
);

-- Exactly once: one live (not reversed) credit per sign-up, one per logged hours, one per side of a gift.
create unique index volunteer_credit_one_live_per_signup on volunteer_credit (signup_id)
    where kind = 'SHIFT' and reversed_by is null;
create unique index volunteer_credit_once_per_logged_hours on volunteer_credit (logged_hours_id) where kind = 'LOGGED';
create unique index volunteer_credit_once_per_gift_side on volunteer_credit (gift_id, kind) where gift_id is not null;
create index volunteer_credit_by_household on volunteer_credit (household_id, counts_on);
create index volunteer_credit_by_month on volunteer_credit (counts_on);

create function volunteer_credit_reverse() returns trigger language plpgsql as $$
begin
    update volunteer_credit set reversed_by = new.id
     where id = new.reverses and kind = 'SHIFT' and reversed_by is null and signup_id = new.signup_id
       and minutes = -new.minutes and household_id = new.household_id;
    if not found then
        raise exception 'volunteer_credit_reversal: % is not a live shift credit of that sign-up', new.reverses
            using errcode = '23514';
    end if;
    return null;
end
$$;

create trigger volunteer_credit_reversal after insert on volunteer_credit
    for each row when (new.kind = 'REVERSAL') execute function volunteer_credit_reverse();

create function volunteer_credit_immutable() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'volunteer_credit_immutable: ledger entries are never deleted' using errcode = '23514';
    end if;
    if old.reversed_by is not null or new.reversed_by is null
       or (to_jsonb(new) - 'reversed_by') is distinct from (to_jsonb(old) - 'reversed_by') then
        raise exception 'volunteer_credit_immutable: only a reversal may mark a credit, once' using errcode = '23514';
    end if;
    return new;
end
$$;

create trigger volunteer_credit_unchanged before update or delete on volunteer_credit
    for each row execute function volunteer_credit_immutable();

-- Exemptions granted by an admin (health, parental leave, age…), for all of a household's adults
-- or some of them (`adults`); revoked ones no longer count.
create table volunteer_exemption (
    id           uuid        primary key,
    household_id uuid        not null references household (id),
    reason       text        not null check (reason in ('HEALTH', 'PARENTAL_LEAVE', 'AGE', 'OTHER')),
    note         text        check (length(btrim(note)) between 1 and 500),
    starts_on    date        not null,
    ends_on      date,
    adults       int         check (adults between 1 and 20),
    granted_by   uuid        references member (id),
    granted_at   timestamptz not null,
    revoked_by   uuid        references member (id),
    revoked_at   timestamptz,
    constraint volunteer_exemption_period check (ends_on is null or ends_on >= starts_on),
    constraint volunteer_exemption_other_says_why check (reason <> 'OTHER' or note is not null)
);

create index volunteer_exemption_by_household on volunteer_exemption (household_id) where revoked_at is null;

-- Pauses a member declares for their household (holidays…), within the co-op's yearly limit.
create table volunteer_pause (
    id           uuid        primary key,
    household_id uuid        not null references household (id),
    declared_by  uuid        not null references member (id),
    starts_on    date        not null,
    ends_on      date        not null,
    adults       int         check (adults between 1 and 20),
    declared_at  timestamptz not null,
    cancelled_at timestamptz,
    constraint volunteer_pause_period check (ends_on >= starts_on),
    constraint volunteer_pause_no_overlap exclude using gist
        (household_id with =, daterange(starts_on, ends_on, '[]') with &&) where (cancelled_at is null)
);

-- The standing last told of each household (`household.standing_changed` is recorded when it
-- changes): the compare-and-set on this row makes each change told once, whoever computes it.
create table household_standing (
    household_id uuid        primary key references household (id),
    standing     text        not null check (standing in ('UP_TO_DATE', 'ALERT', 'SUSPENDED', 'EXEMPTED', 'PAUSED')),
    since        timestamptz not null
);

-- Fundraisers (cagnottes): members pledge towards a goal. A pledge is a promise while the
-- fundraiser is open; when the pledges reach the goal every pledge becomes due and is charged
-- once to its household's account; at the deadline a fundraiser short of its goal is missed and
-- its pledges are released. Nothing is deleted: a changed or withdrawn pledge stays as history.

create table fundraiser (
    id          uuid        primary key,
    title       text        not null check (length(btrim(title)) between 1 and 120),
    description text        not null check (length(btrim(description)) between 1 and 4000),
    goal_cents  bigint      not null check (goal_cents between 100 and 10000000),
    deadline    timestamptz not null,
    opened_by   uuid        not null references member (id),
    opened_at   timestamptz not null,
    status      text        not null default 'OPEN' check (status in ('OPEN', 'REACHED', 'MISSED')),
    reached_at  timestamptz,
    missed_at   timestamptz,
    version     bigint      not null default 0,
    constraint fundraiser_deadline_after_opening check (deadline > opened_at),
    constraint fundraiser_reached_when check ((status = 'REACHED') = (reached_at is not null)),
    constraint fundraiser_missed_when check ((status = 'MISSED') = (missed_at is not null))
);

create index fundraiser_by_opening on fundraiser (opened_at desc, id desc);
-- The closing job looks for open fundraisers past their deadline.
create index fundraiser_open_by_deadline on fundraiser (deadline) where status = 'OPEN';

-- A fundraiser's outcome is final: only an open one changes state, and its goal never moves.
create function fundraiser_outcome_is_final() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'fundraisers are never deleted';
    end if;
    if old.status <> 'OPEN' and new.status is distinct from old.status then
        raise exception 'a fundraiser % stays %', old.status, old.status;
    end if;
    if new.goal_cents <> old.goal_cents or new.opened_by <> old.opened_by then
        raise exception 'a fundraiser''s goal and opener never change';
    end if;
    return new;
end $$;

create trigger fundraiser_outcome_final before update or delete on fundraiser
    for each row execute function fundraiser_outcome_is_final();

create table fundraiser_pledge (
    id                 uuid        primary key,
    fundraiser_id      uuid        not null references fundraiser (id),
    member_id          uuid        not null references member (id),
    -- The account it is charged to, fixed when the pledge is made.
    household_id       uuid        not null references household (id),
    amount_cents       bigint      not null check (amount_cents between 1 and 10000000),
    anonymous          boolean     not null default false,
    -- PROMISED: stands, open; DUE: stands, charged; RELEASED: stood when the goal was missed;
    -- CHANGED: replaced by a newer pledge (the one whose `replaces` names it); WITHDRAWN: taken back.
    status             text        not null default 'PROMISED'
                                   check (status in ('PROMISED', 'DUE', 'RELEASED', 'CHANGED', 'WITHDRAWN')),
    pledged_at         timestamptz not null,
    ended_at           timestamptz,
    replaces           uuid        unique references fundraiser_pledge (id),
    constraint fundraiser_pledge_ended check ((status in ('PROMISED', 'DUE')) = (ended_at is null))
);

-- One pledge per member and fundraiser stands at a time.
create unique index fundraiser_pledge_one_standing on fundraiser_pledge (fundraiser_id, member_id)
    where status in ('PROMISED', 'DUE', 'RELEASED');
create index fundraiser_pledge_by_fundraiser on fundraiser_pledge (fundraiser_id, pledged_at, id)
    where status in ('PROMISED', 'DUE', 'RELEASED');
create index fundraiser_pledge_by_member on fundraiser_pledge (member_id);

-- A pledge is history: only a promise ends (changed, withdrawn, due or released), once, and what
-- was promised never changes.
create function fundraiser_pledge_is_history() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'pledges are history: never deleted';
    end if;
    if old.status <> 'PROMISED' then
        raise exception 'a % pledge never changes', old.status;
    end if;
    if new.amount_cents <> old.amount_cents or new.member_id <> old.member_id
       or new.household_id <> old.household_id or new.fundraiser_id <> old.fundraiser_id
       or new.anonymous <> old.anonymous or new.pledged_at <> old.pledged_at then
        raise exception 'what a pledge promised never changes; a change is a new pledge';
    end if;
    return new;
end $$;

create trigger fundraiser_pledge_history before update or delete on fundraiser_pledge
    for each row execute function fundraiser_pledge_is_history();

-- A pledge due is charged to its household's account, once: PostgreSQL refuses a second charge.
alter table ledger_entry drop constraint ledger_entry_kind_check;
alter table ledger_entry add constraint ledger_entry_kind_check
    check (kind in ('FEE_DUE', 'SOLIDARITY', 'PAYMENT', 'WAIVER', 'CORRECTION', 'ORDER_CHARGE', 'FUNDRAISER_PLEDGE'));
alter table ledger_entry drop constraint ledger_sign;
alter table ledger_entry add constraint ledger_sign check (
    (kind in ('FEE_DUE', 'SOLIDARITY', 'ORDER_CHARGE', 'FUNDRAISER_PLEDGE') and amount_cents > 0)
    or (kind in ('PAYMENT', 'WAIVER') and amount_cents < 0)
    or kind = 'CORRECTION');
alter table ledger_entry add column pledge_id uuid references fundraiser_pledge (id);
alter table ledger_entry add constraint ledger_pledge_charge check ((kind = 'FUNDRAISER_PLEDGE') = (pledge_id is not null));
create unique index ledger_one_charge_per_pledge on ledger_entry (pledge_id) where kind = 'FUNDRAISER_PLEDGE';

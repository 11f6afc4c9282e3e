-- Memberships (adhésions) and the household account: an append-only ledger whose sum is the
-- balance. Nothing here stores a declared income.
create extension if not exists btree_gist;

create table membership (
    id                uuid        primary key,
    household_id      uuid        not null references household (id),
    scale_id          uuid        not null references membership_scale (id),
    bracket_code      text        not null,
    bracket_fee_cents bigint      not null check (bracket_fee_cents >= 0),
    solidarity_cents  bigint      not null default 0 check (solidarity_cents >= 0),
    period_start      date        not null,
    period_end        date        not null,
    declared_on       date        not null,
    created_at        timestamptz not null default now(),
    constraint membership_period check (period_start <= period_end),
    -- A household has one membership at a time.
    constraint membership_no_overlap exclude using gist (
        household_id with =, daterange(period_start, period_end, '[]') with &&)
);

create index membership_household on membership (household_id, period_start desc);

create table ledger_entry (
    id                uuid        primary key,
    -- The order entries were recorded in, also within one transaction.
    seq               bigint      generated always as identity unique,
    household_id      uuid        not null references household (id),
    membership_id     uuid        references membership (id),
    kind              text        not null check (kind in ('FEE_DUE', 'SOLIDARITY', 'PAYMENT', 'WAIVER', 'CORRECTION')),
    -- Positive: the household owes it; negative: the household was credited.
    amount_cents      bigint      not null check (amount_cents <> 0),
    method            text        check (method in ('CASH', 'CHEQUE', 'TRANSFER', 'CARD')),
    occurred_on       date        not null,
    reference         text,
    reason            text,
    corrects_entry_id uuid        references ledger_entry (id),
    recorded_by       uuid        references member (id),
    idempotency_key   text        unique,
    request_hash      text,
    created_at        timestamptz not null default now(),
    constraint ledger_payment_has_method check ((kind = 'PAYMENT') = (method is not null)),
    constraint ledger_sign check (
        (kind in ('FEE_DUE', 'SOLIDARITY') and amount_cents > 0)
        or (kind in ('PAYMENT', 'WAIVER') and amount_cents < 0)
        or kind = 'CORRECTION'),
    constraint ledger_correction_refers check ((kind = 'CORRECTION') = (corrects_entry_id is not null)),
    constraint ledger_reason check (kind not in ('WAIVER', 'CORRECTION') or length(btrim(reason)) > 0)
);

create index ledger_entry_household on ledger_entry (household_id, seq);
create index ledger_entry_membership on ledger_entry (membership_id);

-- The ledger is history: a mistake is corrected by a new entry, never by changing an old one.
create function ledger_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'ledger entries are never changed or deleted; record a correction instead';
end $$;

create trigger ledger_entry_append_only before update or delete on ledger_entry
    for each row execute function ledger_entry_is_append_only();

-- Membership scales (barèmes): the co-op's income brackets for a period.
create table membership_scale (
    id         uuid        primary key,
    valid_from date        not null,
    valid_to   date        not null,
    version    bigint      not null default 0,
    created_at timestamptz not null default now(),
    constraint membership_scale_period check (valid_from <= valid_to),
    -- Two scales never apply on the same day.
    constraint membership_scale_no_overlap exclude using gist (daterange(valid_from, valid_to, '[]') with &&)
);

create table scale_bracket (
    scale_id          uuid   not null references membership_scale (id) on delete cascade,
    position          int    not null check (position >= 0),
    code              text   not null check (code ~ '^[A-Z0-9]{1,10}$'),
    label             text   not null check (length(btrim(label)) > 0),
    upper_bound_cents bigint check (upper_bound_cents > 0),
    fee_cents         bigint not null check (fee_cents >= 0),
    primary key (scale_id, position),
    unique (scale_id, code)
);

-- Exactly one open-ended bracket per scale can exist (the service also checks it is the last).
create unique index scale_bracket_one_open_end on scale_bracket (scale_id) where upper_bound_cents is null;

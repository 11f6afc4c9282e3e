-- The drive: pickup slots with a hard capacity, server-side baskets, orders and their lines.

create table pickup_slot (
    id             uuid        primary key,
    place          text        not null check (length(btrim(place)) between 1 and 200),
    starts_at      timestamptz not null,
    ends_at        timestamptz not null,
    capacity       int         not null check (capacity between 1 and 1000),
    -- Orders holding a place (every status but CANCELLED), and places kept for the member
    -- first on the waitlist. Changed only under the slot's row lock; the check below is what
    -- refuses the order that would be one too many, whatever the Java did.
    booked         int         not null default 0 check (booked >= 0),
    held           int         not null default 0 check (held >= 0),
    order_deadline timestamptz not null,
    status         text        not null default 'OPEN' check (status in ('OPEN', 'CLOSED', 'CANCELLED')),
    cancel_reason  text,
    version        bigint      not null default 0,
    created_at     timestamptz not null default now(),
    constraint pickup_slot_capacity check (booked + held <= capacity),
    constraint pickup_slot_times check (ends_at > starts_at),
    constraint pickup_slot_deadline check (order_deadline <= starts_at),
    constraint pickup_slot_cancel_reason check ((status = 'CANCELLED') = (cancel_reason is not null))
);

create index pickup_slot_by_start on pickup_slot (starts_at, id);

create table waitlist_entry (
    slot_id       uuid        not null references pickup_slot (id),
    member_id     uuid        not null references member (id),
    joined_at     timestamptz not null default clock_timestamp(),
    offered_until timestamptz,
    primary key (slot_id, member_id)
);

create index waitlist_by_arrival on waitlist_entry (slot_id, joined_at);

create table basket_line (
    member_id  uuid          not null references member (id),
    product_id uuid          not null references product (id),
    quantity   numeric(10,3) not null check (quantity > 0),
    added_at   timestamptz   not null default now(),
    primary key (member_id, product_id)
);

create table customer_order (
    id              uuid        primary key,
    number          bigint      generated always as identity unique,
    member_id       uuid        not null references member (id),
    household_id    uuid        not null references household (id),
    slot_id         uuid        not null references pickup_slot (id),
    status          text        not null check (status in ('PLACED', 'PREPARED', 'PICKED_UP', 'CANCELLED', 'NO_SHOW')),
    total_cents     bigint      not null check (total_cents >= 0),
    cancel_reason   text,
    idempotency_key text,
    request_hash    text,
    pickup_key      text        unique,
    pickup_hash     text,
    placed_at       timestamptz not null default now(),
    picked_up_at    timestamptz,
    version         bigint      not null default 0,
    constraint order_idempotency unique (member_id, idempotency_key),
    constraint order_picked_up check ((status = 'PICKED_UP') = (picked_up_at is not null))
);

-- One live order per member and slot: a second basket goes into the first order.
create unique index order_one_per_member_and_slot on customer_order (member_id, slot_id)
    where status in ('PLACED', 'PREPARED');
create index order_by_slot on customer_order (slot_id, status);
create index order_by_member on customer_order (member_id, placed_at desc);
create index order_by_household on customer_order (household_id) where status = 'NO_SHOW';

create table order_line (
    order_id         uuid          not null references customer_order (id),
    product_id       uuid          not null references product (id),
    product_name     text          not null,
    unit             text          not null,
    quantity         numeric(10,3) not null check (quantity > 0),
    unit_price_cents bigint        not null check (unit_price_cents >= 0),
    primary key (order_id, product_id)
);

-- Stock sold by an order, and given back when it is changed, cancelled or not collected.
alter table stock_movement drop constraint stock_movement_sign;
alter table stock_movement drop constraint stock_movement_kind_check;
alter table stock_movement add constraint stock_movement_kind_check
    check (kind in ('RECEPTION', 'SALE', 'LOSS', 'INVENTORY', 'RETURN', 'SALE_CANCELLED'));
alter table stock_movement add constraint stock_movement_sign check (
    (kind in ('RECEPTION', 'SALE_CANCELLED') and quantity > 0)
    or (kind in ('SALE', 'LOSS', 'RETURN') and quantity < 0)
    or (kind = 'INVENTORY' and counted_quantity is not null));
alter table stock_movement add column order_id uuid references customer_order (id);
alter table stock_movement add constraint stock_movement_order check ((kind in ('SALE', 'SALE_CANCELLED')) = (order_id is not null));

-- An order handed over is charged to the household's account, next to its payment.
alter table ledger_entry drop constraint ledger_entry_kind_check;
alter table ledger_entry add constraint ledger_entry_kind_check
    check (kind in ('FEE_DUE', 'SOLIDARITY', 'PAYMENT', 'WAIVER', 'CORRECTION', 'ORDER_CHARGE'));
alter table ledger_entry drop constraint ledger_sign;
alter table ledger_entry add constraint ledger_sign check (
    (kind in ('FEE_DUE', 'SOLIDARITY', 'ORDER_CHARGE') and amount_cents > 0)
    or (kind in ('PAYMENT', 'WAIVER') and amount_cents < 0)
    or kind = 'CORRECTION');
alter table ledger_entry add column order_id uuid references customer_order (id);
alter table ledger_entry add constraint ledger_order_charge check (kind <> 'ORDER_CHARGE' or order_id is not null);

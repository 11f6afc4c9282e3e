-- Every change of stock is a movement; a product's stock on hand is their sum.
create table stock_movement (
    id               uuid          primary key,
    seq              bigint        generated always as identity unique,
    product_id       uuid          not null references product (id),
    kind             text          not null check (kind in ('RECEPTION', 'SALE', 'LOSS', 'INVENTORY', 'RETURN')),
    -- Signed: what the movement did to the stock.
    quantity         numeric(12,3) not null,
    counted_quantity numeric(12,3) check (counted_quantity >= 0),
    unit_cost_cents  bigint        check (unit_cost_cents >= 0),
    loss_reason      text          check (loss_reason in ('EXPIRED', 'DAMAGED', 'UNSOLD', 'OTHER')),
    note             text,
    stock_after      numeric(12,3) not null default 0,
    recorded_by      uuid          references member (id),
    recorded_at      timestamptz   not null default now(),
    constraint stock_movement_sign check (
        (kind = 'RECEPTION' and quantity > 0)
        or (kind in ('SALE', 'LOSS', 'RETURN') and quantity < 0)
        or (kind = 'INVENTORY' and counted_quantity is not null)),
    constraint stock_movement_loss_reason check ((kind = 'LOSS') = (loss_reason is not null))
);

create index stock_movement_product on stock_movement (product_id, seq desc);
create index stock_movement_losses on stock_movement (recorded_at) where kind = 'LOSS';

-- Applies the movement to the product under its row lock, so that concurrent movements are
-- applied one after the other; product.stock_on_hand >= 0 then refuses any that would take
-- the stock below zero, and the movement with it. An inventory records the difference
-- between the count and the stock at that moment.
create function stock_movement_apply() returns trigger language plpgsql as $$
declare
    current numeric(12,3);
begin
    select stock_on_hand into current from product where id = new.product_id for update;
    if not found then
        raise exception 'no product %', new.product_id;
    end if;
    if new.kind = 'INVENTORY' then
        new.quantity := new.counted_quantity - current;
    end if;
    update product set stock_on_hand = current + new.quantity where id = new.product_id;
    new.stock_after := current + new.quantity;
    return new;
end $$;

create trigger stock_movement_apply before insert on stock_movement
    for each row execute function stock_movement_apply();

create trigger stock_movement_append_only before update or delete on stock_movement
    for each row execute function history_is_append_only();

-- A slot's booked places are counted by PostgreSQL from its orders, not written by the Java:
-- every order but a cancelled one holds a place, and the capacity check of pickup_slot then
-- refuses the order that would be one too many even if the service forgot to count it.

create function customer_order_books_place() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and old.status <> 'CANCELLED' then
        update pickup_slot set booked = booked - 1 where id = old.slot_id;
    end if;
    if new.status <> 'CANCELLED' then
        update pickup_slot set booked = booked + 1 where id = new.slot_id;
    end if;
    return null;
end
$$;

create trigger customer_order_placed after insert on customer_order
    for each row execute function customer_order_books_place();

create trigger customer_order_moved after update of status, slot_id on customer_order
    for each row when ((old.status = 'CANCELLED') is distinct from (new.status = 'CANCELLED')
                       or old.slot_id is distinct from new.slot_id)
    execute function customer_order_books_place();

update pickup_slot s set booked = (
    select count(*) from customer_order o where o.slot_id = s.id and o.status <> 'CANCELLED');

-- An order handed over is charged once to its household.
create unique index ledger_one_charge_per_order on ledger_entry (order_id) where kind = 'ORDER_CHARGE';

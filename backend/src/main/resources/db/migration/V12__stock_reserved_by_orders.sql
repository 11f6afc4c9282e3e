-- What is on the shelf and what is promised are two numbers. `stock_on_hand` is what is
-- physically in the shop (the sum of the product's stock movements, an inventory count is
-- compared with it); `stock_reserved` is what orders not yet picked up hold, counted by
-- PostgreSQL from their lines. What the drive may still sell is on hand − reserved, and the
-- product row refuses any change that would take it below zero. A sale leaves the shop at
-- pickup, as one SALE movement per line.

alter table product add column stock_reserved numeric(12,3) not null default 0
    constraint product_stock_reserved_check check (stock_reserved >= 0);

-- Until now the stock left at ordering. For the orders still to be picked up, that sale is
-- undone (one movement per line, so that on hand stays the sum of the movements) and becomes
-- a reservation; their pickup will record the sale. What the drive can sell does not change.
insert into stock_movement (id, product_id, kind, quantity, order_id, note)
select gen_random_uuid(), l.product_id, 'SALE_CANCELLED', l.quantity, o.id,
       'Commande n° ' || o.number || ' : réservée, vendue à son retrait'
from customer_order o
join order_line l on l.order_id = o.id
where o.status in ('PLACED', 'PREPARED')
order by o.number, l.product_id;

update product p set stock_reserved = r.quantity
from (select l.product_id, sum(l.quantity) as quantity
      from order_line l join customer_order o on o.id = l.order_id
      where o.status in ('PLACED', 'PREPARED')
      group by l.product_id) r
where r.product_id = p.id;

alter table product add constraint product_stock_available check (stock_on_hand - stock_reserved >= 0);

-- A line of a live order reserves its quantity; changing the line moves the reservation.
create function order_line_reserves_stock() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE')
       and exists (select 1 from customer_order where id = old.order_id and status in ('PLACED', 'PREPARED')) then
        update product set stock_reserved = stock_reserved - old.quantity where id = old.product_id;
    end if;
    if tg_op in ('INSERT', 'UPDATE')
       and exists (select 1 from customer_order where id = new.order_id and status in ('PLACED', 'PREPARED')) then
        update product set stock_reserved = stock_reserved + new.quantity where id = new.product_id;
    end if;
    return null;
end
$$;

create trigger order_line_reserves_stock after insert or update or delete on order_line
    for each row execute function order_line_reserves_stock();

-- An order picked up, cancelled or not collected releases what its lines reserved (the
-- pickup then records the sale); an order that became live again would reserve it again.
create function customer_order_reserves_stock() returns trigger language plpgsql as $$
begin
    update product p
    set stock_reserved = p.stock_reserved
        + case when new.status in ('PLACED', 'PREPARED') then l.quantity else -l.quantity end
    from order_line l
    where l.order_id = new.id and p.id = l.product_id;
    return null;
end
$$;

create trigger customer_order_reserves_stock after update of status on customer_order
    for each row when ((old.status in ('PLACED', 'PREPARED')) is distinct from (new.status in ('PLACED', 'PREPARED')))
    execute function customer_order_reserves_stock();

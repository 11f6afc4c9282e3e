-- Quantity added to an order line by a later change is charged at the price of that day:
-- `added_quantity` of the line's quantity costs `added_cents` in all, the rest keeps the
-- price frozen at ordering. What was ordered first always stays on the line.
alter table order_line add column added_quantity numeric(10,3) not null default 0;
alter table order_line add column added_cents bigint not null default 0;
alter table order_line add constraint order_line_added check (
    added_quantity >= 0 and added_quantity < quantity and added_cents >= 0
    and (added_quantity > 0 or added_cents = 0));

-- An order whose member's waitlist offer had expired, placed before the expiry job ran, left
-- its slot holding a place for nobody. Places held are the offers still standing.
update pickup_slot s set held = least(s.capacity - s.booked, (
    select count(*) from waitlist_entry w where w.slot_id = s.id and w.offered_until is not null));

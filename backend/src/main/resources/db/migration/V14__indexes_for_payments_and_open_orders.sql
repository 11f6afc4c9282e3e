-- The payments of a page of orders are read by order.
create index ledger_payment_by_order on ledger_entry (order_id) where kind = 'PAYMENT';

-- Orders still to be handed over whose slot has ended (marking baskets not collected).
create index pickup_slot_by_end on pickup_slot (ends_at);
create index order_open_by_slot on customer_order (slot_id) where status in ('PLACED', 'PREPARED');

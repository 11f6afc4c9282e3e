-- What the admins' dashboard asks on every visit, answered without reading whole tables as they
-- grow: the mails given up (a few among every mail ever sent), and each supplier's latest import.
create index mail_delivery_failed on mail_delivery (seq) where status = 'FAILED';
create index price_list_import_latest on price_list_import (supplier_id, started_at desc);

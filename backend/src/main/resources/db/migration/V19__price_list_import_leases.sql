-- A price-list import belongs to the backend instance that claimed it, for a lease that the
-- instance renews as it goes. When the lease runs out (the instance stopped or died), another
-- instance takes the import up where it stood; so the file is kept while the import runs.
alter table price_list_import
    add column claimed_by  uuid,
    add column lease_until timestamptz,
    add column content     bytea;

-- Imports left running by earlier versions kept their file in memory only: they cannot resume.
update price_list_import set status = 'FAILED', finished_at = now() where status = 'RUNNING';
update price_list_import set finished_at = started_at where finished_at is null;

alter table price_list_import
    add constraint price_list_import_running_is_leased
        check (status <> 'RUNNING' or (claimed_by is not null and lease_until is not null and content is not null)),
    add constraint price_list_import_finished_is_released
        check (status = 'RUNNING' or (lease_until is null and content is null and finished_at is not null));

-- What the instances look for every minute: the running imports whose lease has run out.
create index price_list_import_lease on price_list_import (lease_until) where status = 'RUNNING';

-- Imports of suppliers' price lists: they run in the background and their result stays viewable.
create table price_list_import (
    id              uuid        primary key,
    supplier_id     uuid        not null references supplier (id),
    file_name       text,
    status          text        not null check (status in ('RUNNING', 'DONE', 'FAILED')),
    total_lines     int         not null check (total_lines >= 0),
    processed_lines int         not null default 0 check (processed_lines between 0 and total_lines),
    created_count   int         not null default 0,
    updated_count   int         not null default 0,
    rejected_count  int         not null default 0,
    started_by      uuid        references member (id),
    started_at      timestamptz not null default now(),
    finished_at     timestamptz
);

create table price_list_rejection (
    import_id uuid not null references price_list_import (id),
    line      int  not null,
    reason    text not null,
    primary key (import_id, line)
);

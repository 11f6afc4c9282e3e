-- The catalogue: suppliers, a two-level category tree, products.
create table supplier (
    id          uuid        primary key,
    name        text        not null check (length(btrim(name)) between 1 and 120),
    kind        text        not null check (kind in ('PRODUCER', 'WHOLESALER')),
    locality    text,
    distance_km int         check (distance_km >= 0),
    contact     text,
    notes       text,
    version     bigint      not null default 0,
    created_at  timestamptz not null default now()
);

create index supplier_by_name on supplier (name, id);

create table category (
    id        uuid primary key,
    name      text not null check (length(btrim(name)) between 1 and 80),
    parent_id uuid references category (id),
    constraint category_not_own_parent check (parent_id <> id)
);

create unique index category_unique_name
    on category (coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), search_text(name));

-- Two levels: a sub-category's parent is a top-level category.
create function category_has_two_levels() returns trigger language plpgsql as $$
begin
    if new.parent_id is not null and exists (select 1 from category where id = new.parent_id and parent_id is not null) then
        raise exception 'categories have two levels: % is already a sub-category', new.parent_id;
    end if;
    if new.parent_id is not null and exists (select 1 from category where parent_id = new.id) then
        raise exception 'a category with sub-categories cannot become one';
    end if;
    return new;
end $$;

create trigger category_two_levels before insert or update on category
    for each row execute function category_has_two_levels();

create table product (
    id                  uuid          primary key,
    name                text          not null check (length(btrim(name)) between 1 and 120),
    description         text,
    category_id         uuid          not null references category (id),
    supplier_id         uuid          not null references supplier (id),
    supplier_reference  text,
    unit                text          not null check (unit in ('PIECE', 'KG', 'G100', 'LITRE')),
    order_step          numeric(10,3) not null check (order_step > 0),
    price_cents         bigint        not null check (price_cents >= 0),
    vat_rate            text          not null check (vat_rate in ('5.5', '10', '20')),
    origin              text,
    active              boolean       not null default true,
    available_on_drive  boolean       not null default true,
    referent_id         uuid          references member (id),
    low_stock_threshold numeric(12,3) check (low_stock_threshold >= 0),
    -- Kept equal to the sum of the product's stock movements; never below zero.
    stock_on_hand       numeric(12,3) not null default 0 check (stock_on_hand >= 0),
    version             bigint        not null default 0,
    created_at          timestamptz   not null default now(),
    constraint product_supplier_reference unique (supplier_id, supplier_reference)
);

create index product_by_name on product (name, id);
create index product_category on product (category_id);
create index product_supplier on product (supplier_id);
create index product_search on product (search_text(name || ' ' || coalesce(description, '') || ' ' || coalesce(origin, '')));

create table product_label (
    product_id uuid not null references product (id),
    label      text not null check (label in ('ORGANIC', 'LOCAL', 'SEASONAL', 'ARTISANAL', 'FAIR_TRADE')),
    primary key (product_id, label)
);

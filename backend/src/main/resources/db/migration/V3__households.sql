-- Households (foyers): their composition scales the membership fee.
create extension if not exists unaccent;

-- unaccent() is only STABLE; this wrapper pins the dictionary so that it can be indexed.
create function search_text(value text) returns text
    language sql immutable parallel safe strict
    as $$ select lower(public.unaccent('public.unaccent'::regdictionary, value)) $$;

create table household (
    id         uuid        primary key,
    name       text        not null check (length(btrim(name)) between 1 and 100),
    adults     int         not null check (adults between 1 and 20),
    children   int         not null check (children between 0 and 20),
    version    bigint      not null default 0,
    created_at timestamptz not null default now()
);

create index household_name_search on household (search_text(name));

alter table member add column household_id uuid references household (id);
create index member_household on member (household_id);

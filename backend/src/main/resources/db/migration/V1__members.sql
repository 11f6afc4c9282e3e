-- Members (adhérents). Identity lives in Keycloak; keycloak_subject is the link.
create sequence member_number_seq start with 1;

create table member (
    id               uuid        primary key,
    member_number    text        not null unique check (member_number ~ '^A-[0-9]{4,}$'),
    keycloak_subject text        unique,
    first_name       text        not null check (length(btrim(first_name)) > 0),
    last_name        text        not null,
    email            text        not null check (position('@' in email) > 1),
    phone            text        check (phone ~ '^\+?[0-9 .()-]{6,30}$'),
    status           text        not null check (status in ('PENDING', 'ACTIVE', 'SUSPENDED', 'LEFT')),
    joined_on        date        not null,
    language         text        not null default 'fr' check (language in ('fr', 'en')),
    version          bigint      not null default 0,
    created_at       timestamptz not null default now()
);

create unique index member_email_unique on member (lower(email));

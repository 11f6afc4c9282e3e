-- The integration clients admins create: each is a confidential client with a service account in
-- Keycloak (which keeps its secret); here what Panier needs of it. The budget is the number of
-- requests a minute the client may make before it gets 429. A deleted client stays as a row, so
-- that every instance keeps refusing the tokens it still holds.
create table integration_client (
    id                uuid        primary key,
    name              text        not null check (length(name) between 1 and 80),
    client_id         text        not null unique check (client_id ~ '^[a-z0-9-]{1,100}$'),
    keycloak_id       text        not null unique,
    scopes            text[]      not null check (cardinality(scopes) >= 1),
    budget_per_minute integer     not null default 600 check (budget_per_minute between 1 and 100000),
    enabled           boolean     not null default true,
    created_at        timestamptz not null,
    deleted_at        timestamptz,
    check (deleted_at is null or not enabled)
);

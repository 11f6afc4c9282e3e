-- Indexes for lists and searches that had none able to serve them.

-- Whether a scale is in use (a scale in use is frozen), and the memberships of a scale.
create index membership_by_scale on membership (scale_id);

-- Searches ignoring accents and case are `search_text(…) like '%' || search_text(words) || '%'`:
-- a btree cannot serve a pattern that starts with '%', a trigram GIN index can. Each index is on
-- the very expression its search uses, or the planner would not match them.
create extension if not exists pg_trgm;

-- Households by name (the admin's list of households).
create index household_name_trigram on household
    using gin (search_text(name) gin_trgm_ops);

-- Members by names, e-mail and number (the admin's list of members).
create index member_search_trigram on member
    using gin (search_text(first_name || ' ' || last_name || ' ' || email || ' ' || member_number) gin_trgm_ops);

-- Members by names and number (orders searched by who placed them).
create index member_name_search_trigram on member
    using gin (search_text(first_name || ' ' || last_name || ' ' || member_number) gin_trgm_ops);

-- Products by name, description and origin (the catalogue).
create index product_search_trigram on product
    using gin (search_text(name || ' ' || coalesce(description, '') || ' ' || coalesce(origin, '')) gin_trgm_ops);

-- The btree indexes on the same expressions served no query: every search is a `like '%…%'`.
drop index if exists household_name_search;
drop index if exists member_search;
drop index if exists product_search;

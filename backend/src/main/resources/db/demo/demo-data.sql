-- Demo data for `make run`: the realm's demo users as members. Safe to run at every start.
insert into member (id, member_number, keycloak_subject, first_name, last_name, email, phone, status, joined_on, language)
values
  ('a0000000-0000-4000-8000-000000000001', 'A-0001', '11111111-1111-4111-8111-111111111111', 'Camille', 'Durand', 'camille@panier.example', '+33 6 11 11 11 11', 'ACTIVE', date '2024-09-01', 'fr'),
  ('a0000000-0000-4000-8000-000000000002', 'A-0002', '22222222-2222-4222-8222-222222222222', 'Rémi', 'Lefèvre', 'remi@panier.example', '+33 6 22 22 22 22', 'ACTIVE', date '2024-09-01', 'fr'),
  ('a0000000-0000-4000-8000-000000000003', 'A-0003', '33333333-3333-4333-8333-333333333333', 'Alice', 'Martin', 'alice@panier.example', null, 'ACTIVE', date '2025-01-15', 'fr'),
  ('a0000000-0000-4000-8000-000000000004', 'A-0004', '44444444-4444-4444-8444-444444444444', 'Bruno', 'Moreau', 'bruno@panier.example', null, 'PENDING', date '2026-10-02', 'fr')
on conflict do nothing;

-- New members are numbered after the demo ones.
select setval('member_number_seq',
              greatest((select max(substring(member_number from 3)::bigint) from member),
                       (select last_value from member_number_seq)));

-- The design's example scale for the current season (September to August), unless the co-op
-- already has a scale that overlaps it.
with season as (
    select make_date(extract(year from current_date)::int - (extract(month from current_date) < 9)::int, 9, 1) as first_day
), scale as (
    insert into membership_scale (id, valid_from, valid_to)
    select gen_random_uuid(), first_day, (first_day + interval '1 year' - interval '1 day')::date
    from season
    where not exists (
        select 1 from membership_scale m, season
        where daterange(m.valid_from, m.valid_to, '[]')
              && daterange(season.first_day, (season.first_day + interval '1 year' - interval '1 day')::date, '[]'))
    returning id
)
insert into scale_bracket (scale_id, position, code, label, upper_bound_cents, fee_cents)
select scale.id, b.position, b.code, b.label, b.bound, b.fee
from scale, (values (0, 'A', 'Moins de 600 €', 60000, 1000),
                    (1, 'B', 'De 600 à 1 000 €', 100000, 2000),
                    (2, 'C', 'De 1 000 à 1 600 €', 160000, 4000),
                    (3, 'D', '1 600 € et plus', null, 6000)) as b (position, code, label, bound, fee);

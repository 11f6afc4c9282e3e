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

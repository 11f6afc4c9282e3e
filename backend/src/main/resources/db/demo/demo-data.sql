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

-- A small catalogue: two suppliers, a few shelves, products with labels and stock.
insert into supplier (id, name, kind, locality, distance_km, contact, notes) values
  ('c0000000-0000-4000-8000-000000000001', 'Rucher des Coteaux', 'PRODUCER', 'Saint-Jean-de-Braye', 12, '06 11 22 33 44', 'Livre le mardi'),
  ('c0000000-0000-4000-8000-000000000002', 'Biocoop Grossiste Centre', 'WHOLESALER', 'Orléans', 25, 'commandes@grossiste.example', null),
  ('c0000000-0000-4000-8000-000000000003', 'Ferme du Val', 'PRODUCER', 'Olivet', 8, '02 38 00 00 00', 'Légumes de saison')
on conflict do nothing;

insert into category (id, name, parent_id) values
  ('d0000000-0000-4000-8000-000000000001', 'Épicerie', null),
  ('d0000000-0000-4000-8000-000000000002', 'Fruits et légumes', null),
  ('d0000000-0000-4000-8000-000000000003', 'Pâtes et riz', 'd0000000-0000-4000-8000-000000000001'),
  ('d0000000-0000-4000-8000-000000000004', 'Miel et confitures', 'd0000000-0000-4000-8000-000000000001')
on conflict do nothing;

insert into product (id, name, description, category_id, supplier_id, supplier_reference, unit, order_step, price_cents, vat_rate, origin, active, available_on_drive, referent_id, low_stock_threshold) values
  ('e0000000-0000-4000-8000-000000000001', 'Miel de fleurs', 'Pot de 500 g, récolte de printemps', 'd0000000-0000-4000-8000-000000000004', 'c0000000-0000-4000-8000-000000000001', 'MIEL-500', 'PIECE', 1, 890, '5.5', 'Loiret', true, true, 'a0000000-0000-4000-8000-000000000002', 5),
  ('e0000000-0000-4000-8000-000000000002', 'Pâtes complètes', 'Penne au blé complet', 'd0000000-0000-4000-8000-000000000003', 'c0000000-0000-4000-8000-000000000002', 'PAT-COMP', 'KG', 0.5, 420, '5.5', 'Italie', true, true, null, 3),
  ('e0000000-0000-4000-8000-000000000003', 'Riz basmati', null, 'd0000000-0000-4000-8000-000000000003', 'c0000000-0000-4000-8000-000000000002', 'RIZ-BAS', 'KG', 0.5, 560, '5.5', 'Inde', true, true, null, 3),
  ('e0000000-0000-4000-8000-000000000004', 'Pommes Reinette', 'Variété ancienne', 'd0000000-0000-4000-8000-000000000002', 'c0000000-0000-4000-8000-000000000003', null, 'KG', 0.5, 290, '5.5', 'Olivet', true, true, null, 5),
  ('e0000000-0000-4000-8000-000000000005', 'Carottes', 'En botte', 'd0000000-0000-4000-8000-000000000002', 'c0000000-0000-4000-8000-000000000003', null, 'KG', 0.5, 240, '5.5', 'Olivet', true, true, null, 5),
  ('e0000000-0000-4000-8000-000000000006', 'Confiture de fraises', 'Pot de 350 g', 'd0000000-0000-4000-8000-000000000004', 'c0000000-0000-4000-8000-000000000001', 'CONF-FR', 'PIECE', 1, 520, '5.5', 'Loiret', true, true, 'a0000000-0000-4000-8000-000000000002', 4)
on conflict do nothing;

insert into product_label (product_id, label) values
  ('e0000000-0000-4000-8000-000000000001', 'ORGANIC'), ('e0000000-0000-4000-8000-000000000001', 'LOCAL'),
  ('e0000000-0000-4000-8000-000000000002', 'ORGANIC'),
  ('e0000000-0000-4000-8000-000000000004', 'LOCAL'), ('e0000000-0000-4000-8000-000000000004', 'SEASONAL'),
  ('e0000000-0000-4000-8000-000000000005', 'LOCAL'), ('e0000000-0000-4000-8000-000000000005', 'SEASONAL'), ('e0000000-0000-4000-8000-000000000005', 'ORGANIC'),
  ('e0000000-0000-4000-8000-000000000006', 'ARTISANAL'), ('e0000000-0000-4000-8000-000000000006', 'LOCAL')
on conflict do nothing;

-- Receptions. The stock trigger runs before ON CONFLICT would skip a row, so only missing
-- movements are inserted: loading again must not add stock.
insert into stock_movement (id, product_id, kind, quantity, unit_cost_cents, note)
select m.id, m.product_id, 'RECEPTION', m.quantity, m.cost, 'Stock de démonstration'
from (values ('f0000000-0000-4000-8000-000000000001'::uuid, 'e0000000-0000-4000-8000-000000000001'::uuid, 24::numeric, 610::bigint),
             ('f0000000-0000-4000-8000-000000000002'::uuid, 'e0000000-0000-4000-8000-000000000002'::uuid, 20::numeric, 250::bigint),
             ('f0000000-0000-4000-8000-000000000003'::uuid, 'e0000000-0000-4000-8000-000000000003'::uuid, 15::numeric, 340::bigint),
             ('f0000000-0000-4000-8000-000000000004'::uuid, 'e0000000-0000-4000-8000-000000000004'::uuid, 40::numeric, 150::bigint),
             ('f0000000-0000-4000-8000-000000000005'::uuid, 'e0000000-0000-4000-8000-000000000005'::uuid, 2::numeric, 110::bigint))
     as m (id, product_id, quantity, cost)
where not exists (select 1 from stock_movement s where s.id = m.id);

-- Households for the demo members who order on the drive (Bruno has none yet: he is joining).
insert into household (id, name, adults, children) values
  ('b0000000-0000-4000-8000-000000000001', 'Foyer Durand', 2, 1),
  ('b0000000-0000-4000-8000-000000000002', 'Foyer Lefèvre', 1, 0),
  ('b0000000-0000-4000-8000-000000000003', 'Foyer Martin', 2, 2)
on conflict do nothing;

update member set household_id = 'b0000000-0000-4000-8000-000000000001'
where id = 'a0000000-0000-4000-8000-000000000001' and household_id is null;
update member set household_id = 'b0000000-0000-4000-8000-000000000002'
where id = 'a0000000-0000-4000-8000-000000000002' and household_id is null;
update member set household_id = 'b0000000-0000-4000-8000-000000000003'
where id = 'a0000000-0000-4000-8000-000000000003' and household_id is null;

-- Their membership of the current season, paid in cash (bracket C), unless they have one.
with season as (
    select make_date(extract(year from current_date)::int - (extract(month from current_date) < 9)::int, 9, 1) as first_day
), paid as (
    insert into membership (id, household_id, scale_id, bracket_code, bracket_fee_cents, period_start, period_end, declared_on)
    select gen_random_uuid(), h.id, s.id, 'C', 4000, season.first_day,
           (season.first_day + interval '1 year' - interval '1 day')::date, season.first_day
    from season, membership_scale s,
         (values ('b0000000-0000-4000-8000-000000000001'::uuid), ('b0000000-0000-4000-8000-000000000002'::uuid),
                 ('b0000000-0000-4000-8000-000000000003'::uuid)) as h (id)
    where s.valid_from <= season.first_day and s.valid_to >= season.first_day
      and not exists (select 1 from membership m where m.household_id = h.id
                      and daterange(m.period_start, m.period_end, '[]') @> season.first_day)
    returning id, household_id, period_start
)
insert into ledger_entry (id, household_id, membership_id, kind, amount_cents, method, occurred_on)
select gen_random_uuid(), household_id, id, k.kind, k.amount, k.method, period_start
from paid, (values ('FEE_DUE', 4000, null), ('PAYMENT', -4000, 'CASH')) as k (kind, amount, method);

-- Pickup slots: Wednesdays and Fridays, 17:00 to 19:00 in 30-minute slots, for the next three
-- weeks, orders closing 48 hours before. Only missing ones are added, so new ones appear as
-- days go by.
insert into pickup_slot (id, place, starts_at, ends_at, capacity, order_deadline)
select gen_random_uuid(), 'Local de la coop, 12 rue des Halles', t.starts_at, t.starts_at + interval '30 minutes', 8,
       t.starts_at - interval '48 hours'
from (select (d::date + time '17:00' + h * interval '30 minutes') at time zone 'Europe/Paris' as starts_at
      from generate_series(current_date + 3, current_date + 24, interval '1 day') as d, generate_series(0, 3) as h
      where extract(isodow from d) in (3, 5)) as t
where not exists (select 1 from pickup_slot s where s.starts_at = t.starts_at);

-- Volunteer shifts for the next three weeks: the door on pickup days, the deliveries on
-- Tuesdays, the cleaning on Saturdays. Only missing ones are added.
insert into shift (id, task, place, starts_at, ends_at, seats)
select gen_random_uuid(), t.task, 'Local de la coop, 12 rue des Halles', t.starts_at, t.starts_at + t.length, t.seats
from (select w.task, (d::date + w.starts) at time zone 'Europe/Paris' as starts_at, w.length, w.seats
      from generate_series(current_date + 1, current_date + 21, interval '1 day') as d,
           (values (3, 'accueil', time '16:45', interval '2 hours 30 minutes', 2),
                   (5, 'accueil', time '16:45', interval '2 hours 30 minutes', 2),
                   (3, 'préparation du drive', time '14:30', interval '2 hours 30 minutes', 3),
                   (5, 'préparation du drive', time '14:30', interval '2 hours 30 minutes', 3),
                   (2, 'réception des livraisons', time '09:00', interval '2 hours', 2),
                   (6, 'ménage', time '10:00', interval '2 hours', 4)) as w (dow, task, starts, length, seats)
      where extract(isodow from d) = w.dow) as t
where not exists (select 1 from shift s where s.starts_at = t.starts_at and s.task = t.task);

-- Rémi already helps at the next Friday's door.
insert into shift_signup (id, shift_id, member_id)
select gen_random_uuid(), s.id, 'a0000000-0000-4000-8000-000000000002'
from shift s
where s.task = 'accueil' and extract(isodow from s.starts_at at time zone 'Europe/Paris') = 5
  and s.starts_at > now() + interval '2 days'
  and not exists (select 1 from shift_signup g where g.member_id = 'a0000000-0000-4000-8000-000000000002')
order by s.starts_at
limit 1;

-- Volunteer hours: the demo co-op counts from the first day of last month (unless an admin has
-- changed the rule), so households owe last month's hours. The Martins (alice) did 4 h of it,
-- validated: they are 2 h behind, « en alerte », until a shift of 2 h brings them back.
update volunteer_rules set counting_from = (date_trunc('month', current_date) - interval '1 month')::date
where version = 0 and counting_from > (date_trunc('month', current_date) - interval '1 month')::date;

-- The demo households were there last month too: a household owes nothing before it exists.
update household set created_at = date_trunc('month', current_date) - interval '1 month'
where id in ('b0000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000002',
             'b0000000-0000-4000-8000-000000000003')
  and created_at > date_trunc('month', current_date) - interval '1 month';

insert into volunteer_logged_hours (id, household_id, member_id, done_on, minutes, description, status, decided_by,
                                    decided_at, logged_at)
select 'c1000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000003',
       'a0000000-0000-4000-8000-000000000003', (date_trunc('month', current_date) - interval '1 month' + interval '9 days')::date,
       240, 'Inventaire de la réserve et rangement des livraisons', 'VALIDATED', 'a0000000-0000-4000-8000-000000000001',
       now(), now()
where not exists (select 1 from volunteer_logged_hours where id = 'c1000000-0000-4000-8000-000000000001');

insert into volunteer_credit (id, household_id, kind, minutes, counts_on, logged_hours_id, recorded_by, recorded_at)
select 'c2000000-0000-4000-8000-000000000001', h.household_id, 'LOGGED', h.minutes, h.done_on, h.id, h.decided_by, now()
from volunteer_logged_hours h
where h.id = 'c1000000-0000-4000-8000-000000000001'
  and not exists (select 1 from volunteer_credit where logged_hours_id = h.id);

-- A fundraiser opened by Alice: « Un frigo pour le local », 600 €, closing in 30 days from the
-- first start; Camille and Alice pledged, Rémi anonymously (230 € so far).
insert into fundraiser (id, title, description, goal_cents, deadline, opened_by, opened_at)
values ('c3000000-0000-4000-8000-000000000001', 'Un frigo pour le local',
        'Le vieux frigo de la réserve tombe en panne chaque semaine et nous perdons des produits frais. Un frigo vitré d''occasion, révisé, coûte 600 € chez un revendeur du quartier.',
        60000, now() + interval '30 days', 'a0000000-0000-4000-8000-000000000003', now())
on conflict do nothing;

insert into fundraiser_pledge (id, fundraiser_id, member_id, household_id, amount_cents, anonymous, pledged_at)
select p.id, 'c3000000-0000-4000-8000-000000000001', m.id, m.household_id, p.amount, p.anonymous, now()
from (values ('c4000000-0000-4000-8000-000000000001'::uuid, 'a0000000-0000-4000-8000-000000000001'::uuid, 15000, false),
             ('c4000000-0000-4000-8000-000000000002'::uuid, 'a0000000-0000-4000-8000-000000000002'::uuid, 5000, true),
             ('c4000000-0000-4000-8000-000000000003'::uuid, 'a0000000-0000-4000-8000-000000000003'::uuid, 3000, false))
     as p (id, member_id, amount, anonymous)
join member m on m.id = p.member_id
where m.household_id is not null
  and not exists (select 1 from fundraiser_pledge x where x.fundraiser_id = 'c3000000-0000-4000-8000-000000000001')
on conflict do nothing;
-- Workshops: a members' one, « Comment mieux manger ? », where Alice holds a place, and a public
-- « Disco soupe » open to the neighbourhood. Made again once the previous ones have passed.
insert into workshop (id, title, description, place, starts_at, ends_at, capacity, open_to_public)
select gen_random_uuid(), 'Comment mieux manger ?',
       'Une heure et demie avec une diététicienne : lire une étiquette, cuisiner les légumineuses, manger de saison sans dépenser plus.',
       'Local de la coop, 12 rue des Halles',
       ((current_date + 6) + time '18:30') at time zone 'Europe/Paris',
       ((current_date + 6) + time '20:00') at time zone 'Europe/Paris', 12, false
where not exists (select 1 from workshop where title = 'Comment mieux manger ?' and ends_at > now());

insert into workshop (id, title, description, place, starts_at, ends_at, capacity, open_to_public)
select gen_random_uuid(), 'Disco soupe',
       'On épluche, on coupe et on cuisine en musique les légumes invendus, puis on partage la soupe. Ouvert à tout le quartier, sans adhésion : venez comme vous êtes !',
       'Place du marché, devant la coop',
       ((current_date + 10) + time '15:00') at time zone 'Europe/Paris',
       ((current_date + 10) + time '18:00') at time zone 'Europe/Paris', 40, true
where not exists (select 1 from workshop where title = 'Disco soupe' and ends_at > now());

insert into workshop_registration (id, workshop_id, member_id, status, registered_at)
select gen_random_uuid(), w.id, 'a0000000-0000-4000-8000-000000000003', 'CONFIRMED', now()
from workshop w
where w.title = 'Comment mieux manger ?' and w.ends_at > now()
  and not exists (select 1 from workshop_registration r where r.workshop_id = w.id
                  and r.member_id = 'a0000000-0000-4000-8000-000000000003');
-- Next month's Agora, on the 15th at 19:00, facilitated by Rémi; its agenda is open, with two
-- items already proposed by Alice and Camille.
insert into assembly (id, title, place, starts_at, ends_at, facilitator_id)
select 'd1000000-0000-4000-8000-000000000001', 'Agora du mois prochain', 'Local de la coop, 12 rue des Halles',
       ((date_trunc('month', current_date) + interval '1 month 14 days')::date + time '19:00') at time zone 'Europe/Paris',
       ((date_trunc('month', current_date) + interval '1 month 14 days')::date + time '21:30') at time zone 'Europe/Paris',
       'a0000000-0000-4000-8000-000000000002'
where not exists (select 1 from assembly where id = 'd1000000-0000-4000-8000-000000000001');

insert into agenda_item (id, assembly_id, asked_for_id, author_id, title, description, duration_minutes, submitted_at)
select t.id, 'd1000000-0000-4000-8000-000000000001', 'd1000000-0000-4000-8000-000000000001', t.author, t.title,
       t.description, t.minutes, now() + t.after
from (values ('d2000000-0000-4000-8000-000000000001'::uuid, 'a0000000-0000-4000-8000-000000000003'::uuid,
              'Un frigo pour le local', 'Le frigo du local tombe en panne chaque été : je propose d''en acheter un neuf, avec une cagnotte.',
              20, interval '0 seconds'),
             ('d2000000-0000-4000-8000-000000000002'::uuid, 'a0000000-0000-4000-8000-000000000001'::uuid,
              'Les horaires d''ouverture de l''été', 'Ouvrir le samedi matin plutôt que le mercredi soir en juillet et août ?',
              15, interval '1 second')) as t (id, author, title, description, minutes, after)
where exists (select 1 from assembly where id = 'd1000000-0000-4000-8000-000000000001')
  and not exists (select 1 from agenda_item i where i.id = t.id);
-- Working groups (commissions) and one open proposal, to the whole co-op, that Rémi agrees with.
insert into working_group (id, name, description, created_at)
values
  ('d1000000-0000-4000-8000-000000000001', 'Appro', 'Choisit les producteurs, passe les commandes et suit les livraisons.', now()),
  ('d1000000-0000-4000-8000-000000000002', 'Accueil', 'Organise l''accueil au local et des nouveaux membres.', now()),
  ('d1000000-0000-4000-8000-000000000003', 'Communication', 'La lettre, les affiches et le site de la coop.', now()),
  ('d1000000-0000-4000-8000-000000000004', 'Agora', 'Prépare l''assemblée mensuelle et son ordre du jour.', now())
on conflict do nothing;

insert into working_group_member (group_id, member_id, joined_at)
values
  ('d1000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000003', now()),
  ('d1000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000002', now()),
  ('d1000000-0000-4000-8000-000000000004', 'a0000000-0000-4000-8000-000000000001', now()),
  ('d1000000-0000-4000-8000-000000000004', 'a0000000-0000-4000-8000-000000000003', now())
on conflict do nothing;

insert into proposal (id, chain_id, round, author_id, title, body, rule, deadline, opened_at)
select 'd2000000-0000-4000-8000-000000000001', 'd2000000-0000-4000-8000-000000000001', 1,
       'a0000000-0000-4000-8000-000000000003', 'Un frigo pour le local',
       E'Le frigo du local ne tient plus le froid.\n\nJe propose d''en acheter un **d''occasion**, pour 600 € au plus, financé par une cagnotte.',
       'CONSENT', now() + interval '10 days', now()
where not exists (select 1 from proposal where id = 'd2000000-0000-4000-8000-000000000001');

insert into proposal_response (id, proposal_id, member_id, kind, responded_at, changed_at)
select 'd3000000-0000-4000-8000-000000000001', p.id, 'a0000000-0000-4000-8000-000000000002', 'AGREE', now(), now()
from proposal p
where p.id = 'd2000000-0000-4000-8000-000000000001' and p.status = 'OPEN'
  and not exists (select 1 from proposal_response where id = 'd3000000-0000-4000-8000-000000000001');

-- Volunteering, second part (issue 12): the co-op's tasks, skills and the seats that require
-- them, the ABCD cycle, shift templates with the shifts generated from them, and regular seats.
-- As in V32, PostgreSQL refuses what must never happen whatever the Java did: a task outside the
-- list, a template's shift generated twice, a seat requiring a skill taken by a member without it
-- beyond the seats that require none, more regular seats than seats.

-- A name as people mean it: « Préparation  du Drive » and « preparation du drive » are one.
-- Qualified: PostgreSQL 17 builds an index on it with a search_path of pg_catalog only.
create function plain_name(value text) returns text
    language sql immutable parallel safe strict
    as $$ select regexp_replace(public.search_text(btrim(value)), '\s+', ' ', 'g') $$;

-- The co-op's tasks: a shift names one (as the list writes it), so that « préparation du drive »
-- reads the same in filters, door access and hours. Seeded with the issue's five and any task
-- already used.
create table shift_task (
    id         uuid        primary key,
    name       text        not null unique check (length(name) between 1 and 80 and name = btrim(name)),
    created_at timestamptz not null default now()
);

create unique index shift_task_name_once on shift_task (plain_name(name));

insert into shift_task (id, name) values
    (gen_random_uuid(), 'accueil'),
    (gen_random_uuid(), 'caisse'),
    (gen_random_uuid(), 'réception des livraisons'),
    (gen_random_uuid(), 'préparation du drive'),
    (gen_random_uuid(), 'ménage');

insert into shift_task (id, name)
select gen_random_uuid(), t.name
  from (select distinct on (plain_name(task)) btrim(task) as name from shift order by plain_name(task), btrim(task)) t
on conflict do nothing;

update shift s set task = t.name from shift_task t where plain_name(t.name) = plain_name(s.task) and s.task <> t.name;

alter table shift add constraint shift_task_listed foreign key (task) references shift_task (name) on update cascade;

-- Skills the co-op defines, and who holds them (recorded by an admin).
create table skill (
    id          uuid        primary key,
    name        text        not null check (length(name) between 1 and 80 and name = btrim(name)),
    description text        check (length(description) <= 500),
    created_at  timestamptz not null default now()
);

create unique index skill_name_once on skill (plain_name(name));

create table member_skill (
    member_id  uuid        not null references member (id),
    skill_id   uuid        not null references skill (id),
    granted_at timestamptz not null default now(),
    granted_by uuid        references member (id),
    primary key (member_id, skill_id)
);

create index member_skill_by_skill on member_skill (skill_id, member_id);

-- The ABCD cycle: one row, week A starting on a Monday.
create table shift_cycle (
    singleton boolean     primary key default true check (singleton),
    starts_on date        not null check (extract(isodow from starts_on) = 1),
    version   bigint      not null default 0
);

insert into shift_cycle (starts_on) values ('2026-01-05');

create table shift_template (
    id          uuid        primary key,
    task        text        not null references shift_task (name) on update cascade,
    place       text        not null check (length(btrim(place)) between 1 and 200),
    weekday     smallint    not null check (weekday between 1 and 7),
    start_time  time        not null,
    end_time    time        not null,
    seats       int         not null check (seats between 1 and 50),
    recurrence  text        not null check (recurrence in ('WEEKLY', 'CYCLE')),
    cycle_week  text        check (cycle_week in ('A', 'B', 'C', 'D')),
    starts_on   date,
    ended_at    timestamptz,
    -- A retried creation under the same Idempotency-Key returns the first template.
    idempotency_key text    unique check (length(idempotency_key) between 8 and 100),
    request_hash    text,
    version     bigint      not null default 0,
    created_at  timestamptz not null default now(),
    constraint shift_template_times check (end_time > start_time),
    constraint shift_template_cycle check ((recurrence = 'CYCLE') = (cycle_week is not null))
);

create index shift_template_in_force on shift_template (weekday, start_time) where ended_at is null;

create table shift_template_skilled_seat (
    template_id uuid not null references shift_template (id),
    skill_id    uuid not null references skill (id),
    seats       int  not null check (seats between 1 and 50),
    primary key (template_id, skill_id)
);

create table shift_regular_seat (
    template_id uuid        not null references shift_template (id),
    member_id   uuid        not null references member (id),
    since       timestamptz not null default now(),
    primary key (template_id, member_id)
);

create index shift_regular_seat_by_member on shift_regular_seat (member_id);

-- A generated shift names its template, its day (occurs_on, the co-op's local date) and the
-- template's version it follows. One shift per template and day: the generation job, however
-- many instances run it and however often, never makes a second. A shift the template's change
-- dropped is cancelled and loses its day (occurs_on null); a cancelled one keeps it, so that a
-- cancelled date is not generated again.
alter table shift add column template_id uuid references shift_template (id);
alter table shift add column occurs_on date;
alter table shift add column template_version bigint;
alter table shift add constraint shift_generated check (occurs_on is null or template_id is not null);

create unique index shift_one_per_template_day on shift (template_id, occurs_on);
create index shift_by_template on shift (template_id, starts_at) where template_id is not null;

create table shift_skilled_seat (
    shift_id uuid not null references shift (id),
    skill_id uuid not null references skill (id),
    seats    int  not null check (seats between 1 and 50),
    primary key (shift_id, skill_id)
);

-- Which seat a sign-up takes: one requiring that skill, or (null) one requiring none. A sign-up
-- made for a regular seat is `regular`.
alter table shift_signup add column skill_id uuid references skill (id);
alter table shift_signup add column regular boolean not null default false;

-- A shift's seats by kind: the seats requiring a skill at most the seats, the live sign-ups of
-- each kind at most its seats (those requiring no skill: the seats less all that require one).
create function shift_seat_kinds_check(p_shift uuid) returns void language plpgsql as $$
declare
    total   int;
    skilled int;
    kind    record;
begin
    select seats into total from shift where id = p_shift;
    if total is null then
        return;
    end if;
    select coalesce(sum(seats), 0) into skilled from shift_skilled_seat where shift_id = p_shift;
    if skilled > total then
        raise exception 'shift_skilled_seats_within: shift % has % seats requiring a skill, more than its % seats', p_shift, skilled, total
            using errcode = '23514', constraint = 'shift_skilled_seats_within';
    end if;
    if (select count(*) from shift_signup where shift_id = p_shift and status = 'SIGNED_UP' and skill_id is null)
            > total - skilled then
        raise exception 'shift_unskilled_seats: shift % has more sign-ups without a skill than its % seats requiring none', p_shift, total - skilled
            using errcode = '23514', constraint = 'shift_unskilled_seats';
    end if;
    for kind in
        select g.skill_id from shift_signup g
          left join shift_skilled_seat k on k.shift_id = g.shift_id and k.skill_id = g.skill_id
         where g.shift_id = p_shift and g.status = 'SIGNED_UP' and g.skill_id is not null
         group by g.skill_id, k.seats having count(*) > coalesce(k.seats, 0)
    loop
        raise exception 'shift_skilled_seats_taken: shift % has more sign-ups for skill % than seats requiring it', p_shift, kind.skill_id
            using errcode = '23514', constraint = 'shift_skilled_seats_taken';
    end loop;
end
$$;

-- A live sign-up on a seat requiring a skill is by a member holding it, and each kind of seat
-- holds no more than its seats. Counted under the shift's row lock, one sign-up at a time. A
-- constraint trigger, immediate, that a change moving several sign-ups at once may defer.
create function shift_signup_seat_kind() returns trigger language plpgsql as $$
begin
    if new.status <> 'SIGNED_UP' then
        return null;
    end if;
    perform 1 from shift where id = new.shift_id for update;
    if new.skill_id is not null and not exists (
            select 1 from member_skill where member_id = new.member_id and skill_id = new.skill_id) then
        raise exception 'shift_signup_skill_held: member % does not hold skill %', new.member_id, new.skill_id
            using errcode = '23514', constraint = 'shift_signup_skill_held';
    end if;
    perform shift_seat_kinds_check(new.shift_id);
    return null;
end
$$;

create constraint trigger shift_signup_seat_kind after insert or update of status, shift_id, member_id, skill_id
    on shift_signup deferrable initially immediate
    for each row execute function shift_signup_seat_kind();

-- The seats of a shift and those requiring a skill change together (a template's change): checked
-- at commit.
create function shift_seats_by_kind_fit() returns trigger language plpgsql as $$
begin
    if tg_table_name = 'shift' then
        perform shift_seat_kinds_check(new.id);
    elsif tg_op = 'DELETE' then
        perform shift_seat_kinds_check(old.shift_id);
    else
        perform shift_seat_kinds_check(new.shift_id);
    end if;
    return null;
end
$$;

create constraint trigger shift_skilled_seats_fit after insert or update or delete on shift_skilled_seat
    deferrable initially deferred
    for each row execute function shift_seats_by_kind_fit();

create constraint trigger shift_seats_fit_kinds after update of seats on shift
    deferrable initially deferred
    for each row execute function shift_seats_by_kind_fit();

-- A template's seats requiring a skill and its regular seats fit in its seats; checked at commit
-- under the template's row lock.
create function shift_template_seats_fit() returns trigger language plpgsql as $$
declare
    template uuid;
    total    int;
begin
    if tg_table_name = 'shift_template' then
        template := new.id;
    else
        template := new.template_id;
    end if;
    select seats into total from shift_template where id = template for update;
    if total is null then
        return null;
    end if;
    if (select coalesce(sum(seats), 0) from shift_template_skilled_seat where template_id = template) > total then
        raise exception 'shift_template_skilled_within: template % has more seats requiring a skill than its % seats', template, total
            using errcode = '23514', constraint = 'shift_template_skilled_within';
    end if;
    if (select count(*) from shift_regular_seat where template_id = template) > total then
        raise exception 'shift_template_regular_within: template % has more regular seats than its % seats', template, total
            using errcode = '23514', constraint = 'shift_template_regular_within';
    end if;
    return null;
end
$$;

create constraint trigger shift_template_seats_fit after update of seats on shift_template
    deferrable initially deferred
    for each row execute function shift_template_seats_fit();

create constraint trigger shift_template_skilled_fit after insert or update on shift_template_skilled_seat
    deferrable initially deferred
    for each row execute function shift_template_seats_fit();

create constraint trigger shift_regular_seats_fit after insert or update on shift_regular_seat
    deferrable initially deferred
    for each row execute function shift_template_seats_fit();

-- Assemblies (Agora): an agenda open to every member until it closes, proxies, the live mode of
-- the facilitator (attendance, a timer per item, the double speaking list) and the minutes. The
-- live state lives here, not in an instance's memory: every instance answers the same polls.

-- The co-op's rules: one row, edited by admins (ETag from `version`).
create table assembly_rules (
    id                 boolean primary key default true check (id),
    -- The agenda closes so many days (on the co-op's calendar) before the assembly starts.
    agenda_close_days  int     not null default 7 check (agenda_close_days between 0 and 60),
    -- How many proxies one member may hold for one assembly.
    max_proxies_held   int     not null default 1 check (max_proxies_held between 0 and 10),
    version            bigint  not null default 0
);

insert into assembly_rules default values;

create table assembly (
    id                  uuid        primary key,
    title               text        not null check (length(btrim(title)) between 1 and 120),
    place               text        not null check (length(btrim(place)) between 1 and 200),
    starts_at           timestamptz not null,
    ends_at             timestamptz not null,
    facilitator_id      uuid        not null references member (id),
    status              text        not null default 'SCHEDULED' check (status in ('SCHEDULED', 'LIVE', 'CLOSED')),
    started_at          timestamptz,
    closed_at           timestamptz,
    -- Set once by the job that publishes the agenda when it closes (the second run finds it set).
    agenda_published_at timestamptz,
    current_item_id     uuid,
    -- Bumped by every change of the live state (items, hands, attendance): the ETag clients poll with.
    live_version        bigint      not null default 0,
    version             bigint      not null default 0,
    created_at          timestamptz not null default now(),
    constraint assembly_times check (ends_at > starts_at),
    constraint assembly_started check ((status = 'SCHEDULED') = (started_at is null)),
    constraint assembly_closed check ((status = 'CLOSED') = (closed_at is not null))
);

create index assembly_by_start on assembly (starts_at, id);

-- A point of the agenda. `assembly_id` is where it is discussed; `asked_for_id` the assembly its
-- author asked for. An item that came after that agenda closed (`late`) goes to the next
-- scheduled assembly whose agenda is still open, or waits (assembly_id null) until one is created.
-- `proposal_id` names the proposal to decide (governance); its foreign key comes with that table.
create table agenda_item (
    id               uuid        primary key,
    assembly_id      uuid        references assembly (id),
    asked_for_id     uuid        not null references assembly (id),
    author_id        uuid        not null references member (id),
    title            text        not null check (length(btrim(title)) between 1 and 120),
    description      text        not null default '' check (length(description) <= 4000),
    duration_minutes int         not null check (duration_minutes between 1 and 240),
    proposal_id      uuid,
    late             boolean     not null default false,
    status           text        not null default 'PROPOSED' check (status in ('PROPOSED', 'WITHDRAWN')),
    submitted_at     timestamptz not null,
    withdrawn_at     timestamptz,
    -- The live mode: when its discussion started and ended, and what the room wrote down.
    started_at       timestamptz,
    ended_at         timestamptz,
    notes            text        not null default '' check (length(notes) <= 20000),
    decision         text        not null default '' check (length(decision) <= 4000),
    version          bigint      not null default 0,
    constraint agenda_item_withdrawn check ((status = 'WITHDRAWN') = (withdrawn_at is not null)),
    constraint agenda_item_late check (late or assembly_id = asked_for_id)
);

create index agenda_item_by_assembly on agenda_item (assembly_id, submitted_at, id);
create index agenda_item_waiting on agenda_item (submitted_at) where assembly_id is null and status = 'PROPOSED';

alter table assembly add constraint assembly_current_item foreign key (current_item_id) references agenda_item (id);

-- A proxy (procuration): one given per member and assembly, never to oneself.
create table assembly_proxy (
    assembly_id uuid        not null references assembly (id),
    giver_id    uuid        not null references member (id),
    holder_id   uuid        not null references member (id),
    given_at    timestamptz not null,
    primary key (assembly_id, giver_id),
    constraint assembly_proxy_not_to_oneself check (giver_id <> holder_id)
);

create index assembly_proxy_by_holder on assembly_proxy (assembly_id, holder_id);

-- At most the co-op's number of proxies held per member: the holder's proxies are counted one
-- transaction at a time (an advisory lock on the assembly and holder), so two gifts at once
-- cannot both slip under the limit.
create function assembly_proxy_within_limit() returns trigger language plpgsql as $$
declare
    allowed int := (select max_proxies_held from assembly_rules);
    held    int;
begin
    perform pg_advisory_xact_lock(hashtext('assembly_proxy ' || new.assembly_id || ' ' || new.holder_id));
    select count(*) into held from assembly_proxy
     where assembly_id = new.assembly_id and holder_id = new.holder_id and giver_id <> new.giver_id;
    if held >= allowed then
        raise exception 'assembly_proxy_limit: member % already holds % proxies for assembly %, the co-op allows %',
            new.holder_id, held, new.assembly_id, allowed using errcode = '23514';
    end if;
    return new;
end
$$;

create trigger assembly_proxy_limit before insert or update of holder_id on assembly_proxy
    for each row execute function assembly_proxy_within_limit();

-- Who is in the room, marked by the facilitator.
create table assembly_attendance (
    assembly_id uuid        not null references assembly (id),
    member_id   uuid        not null references member (id),
    marked_at   timestamptz not null,
    marked_by   uuid        references member (id),
    primary key (assembly_id, member_id)
);

-- The double speaking list: a hand raised waits until the facilitator gives the floor (one
-- intervention) or lowers it. One waiting hand per person.
create table assembly_hand (
    id          uuid        primary key,
    assembly_id uuid        not null references assembly (id),
    member_id   uuid        not null references member (id),
    item_id     uuid        references agenda_item (id),
    raised_at   timestamptz not null,
    raised_by   uuid        references member (id),
    status      text        not null default 'WAITING' check (status in ('WAITING', 'GIVEN', 'LOWERED')),
    settled_at  timestamptz,
    constraint assembly_hand_settled check ((status = 'WAITING') = (settled_at is null))
);

create unique index assembly_hand_one_waiting on assembly_hand (assembly_id, member_id) where status = 'WAITING';
create index assembly_hand_by_assembly on assembly_hand (assembly_id, status, member_id);

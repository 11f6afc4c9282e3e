-- Workshops and events (ateliers), some open to the neighbourhood. As for shifts (V32), PostgreSQL
-- counts a workshop's confirmed places from its registrations, and the check of workshop refuses
-- the one that would be one too many, whatever the Java did. Beyond the capacity, registrations
-- wait in order (registered_at, then seq); a place given back goes to the first one waiting.
--
-- A registration is a member's, or a guest's (a non-member: a name and an e-mail, no account).
-- A guest cancels with the unguessable token of their confirmation mail. Guests' names and
-- addresses are erased 30 days after the event (workshops/GuestErasure): the row stays, so the
-- counts of the past stay true, with neither name nor address nor token.

create table workshop (
    id          uuid        primary key,
    title       text        not null check (length(btrim(title)) between 1 and 120),
    description text        not null default '' check (length(description) <= 4000),
    place       text        not null check (length(btrim(place)) between 1 and 200),
    starts_at   timestamptz not null,
    ends_at     timestamptz not null,
    capacity    int         not null check (capacity between 1 and 500),
    open_to_public boolean  not null default false,
    -- Confirmed registrations, counted by the trigger below under the workshop's row lock.
    taken       int         not null default 0 check (taken >= 0),
    status      text        not null default 'OPEN' check (status in ('OPEN', 'CANCELLED')),
    created_by  uuid        references member (id),
    version     bigint      not null default 0,
    created_at  timestamptz not null default now(),
    constraint workshop_places_taken check (taken <= capacity),
    constraint workshop_times check (ends_at > starts_at)
);

create index workshop_by_start on workshop (starts_at, id);
create index workshop_public_by_start on workshop (starts_at, id) where open_to_public;

create table workshop_registration (
    id            uuid        primary key,
    seq           bigint      generated always as identity unique,
    workshop_id   uuid        not null references workshop (id),
    member_id     uuid        references member (id),
    guest_name    text        check (length(btrim(guest_name)) between 1 and 100),
    guest_email   text        check (length(guest_email) between 3 and 254 and guest_email like '%_@_%'),
    -- A guest's key to their registration: 32 random bytes, base64url, in their mail only.
    cancel_token  text        unique check (cancel_token ~ '^[A-Za-z0-9_-]{43}$'),
    status        text        not null check (status in ('CONFIRMED', 'WAITING', 'WITHDRAWN')),
    registered_at timestamptz not null,
    promoted_at   timestamptz,
    withdrawn_at  timestamptz,
    -- When a guest's name and address were erased (30 days after the event).
    erased_at     timestamptz,
    constraint workshop_registration_withdrawn check ((status = 'WITHDRAWN') = (withdrawn_at is not null)),
    constraint workshop_registration_who check (
        (member_id is not null and guest_name is null and guest_email is null and cancel_token is null and erased_at is null)
        or (member_id is null and erased_at is null
            and guest_name is not null and guest_email is not null and cancel_token is not null)
        or (member_id is null and erased_at is not null
            and guest_name is null and guest_email is null and cancel_token is null))
);

-- One live registration per member, and per guest address (whatever its case), and workshop:
-- a second tap, or a second form sent, is the same registration, not a second place.
create unique index workshop_registration_one_member on workshop_registration (workshop_id, member_id)
    where status <> 'WITHDRAWN' and member_id is not null;
create unique index workshop_registration_one_guest on workshop_registration (workshop_id, lower(guest_email))
    where status <> 'WITHDRAWN' and guest_email is not null;
create index workshop_registration_waiting on workshop_registration (workshop_id, registered_at, seq)
    where status = 'WAITING';
create index workshop_registration_by_member on workshop_registration (member_id) where status <> 'WITHDRAWN';
create index workshop_registration_by_guest on workshop_registration (lower(guest_email)) where status <> 'WITHDRAWN';
create index workshop_registration_to_erase on workshop_registration (workshop_id) where member_id is null and erased_at is null;

create function workshop_registration_takes_place() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and old.status = 'CONFIRMED' then
        update workshop set taken = taken - 1 where id = old.workshop_id;
    end if;
    if new.status = 'CONFIRMED' then
        update workshop set taken = taken + 1 where id = new.workshop_id;
    end if;
    return null;
end
$$;

create trigger workshop_registration_made after insert on workshop_registration
    for each row execute function workshop_registration_takes_place();

create trigger workshop_registration_changed after update of status, workshop_id on workshop_registration
    for each row when (old.status is distinct from new.status or old.workshop_id is distinct from new.workshop_id)
    execute function workshop_registration_takes_place();

-- Mails owed to guests, who are no members (mail_delivery names a member): one per event and
-- guest, written in the transaction of the event, sent by workshops/GuestMails. The address is
-- read from the registration when sending: once erased, there is nobody to write to.
create table workshop_guest_mail (
    id              uuid        primary key,
    seq             bigint      generated always as identity unique,
    event_id        uuid        not null references domain_event (id),
    registration_id uuid        not null references workshop_registration (id),
    status          text        not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        integer     not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz not null,
    last_error      text        check (length(last_error) <= 300),
    sent_at         timestamptz,
    constraint workshop_guest_mail_once unique (event_id, registration_id),
    constraint workshop_guest_mail_sent check ((status = 'SENT') = (sent_at is not null))
);

create index workshop_guest_mail_due on workshop_guest_mail (next_attempt_at) where status = 'PENDING';

-- Self-management (issue 13): working groups (commissions) inside the co-op, their members,
-- meetings and notes; proposals decided by consent or consensus, in rounds; members' responses;
-- the co-op's rules for them.
--
-- What must never happen, PostgreSQL refuses: two open rounds of one proposal, two responses of
-- one member to a round, a response to a round that is not open, a concern without its comment
-- or a block without its counter-proposal, an outcome on a proposal not adopted, a decision told
-- twice, a review reminder sent twice.

-- The co-op's rules: one row, edited by admins (ETag from `version`).
create table governance_rules (
    id                       boolean primary key default true check (id),
    -- A proposal's deadline is at least this many days after it opens.
    min_deadline_days        int     not null default 7 check (min_deadline_days between 1 and 90),
    -- CONSENSUS: this share of the group's active members (of all active members for the co-op) must respond.
    consensus_quorum_percent int     not null default 50 check (consensus_quorum_percent between 1 and 100),
    version                  bigint  not null default 0
);

insert into governance_rules default values;

-- A working group inside the co-op (the co-op itself is the implicit top group).
create table working_group (
    id          uuid        primary key,
    name        text        not null check (length(btrim(name)) between 1 and 80),
    description text        not null default '' check (length(description) <= 2000),
    created_at  timestamptz not null,
    version     bigint      not null default 0
);

create unique index working_group_name_once on working_group (lower(btrim(name)));

-- Its upcoming meetings, replaced as a whole when admins edit the group.
create table working_group_meeting (
    id        uuid        primary key,
    group_id  uuid        not null references working_group (id),
    starts_at timestamptz not null,
    place     text        not null check (length(btrim(place)) between 1 and 200),
    note      text        check (length(note) <= 500)
);

create index working_group_meeting_by_group on working_group_meeting (group_id, starts_at);

-- Open membership: any active member joins, and leaves (the row goes).
create table working_group_member (
    group_id  uuid        not null references working_group (id),
    member_id uuid        not null references member (id),
    joined_at timestamptz not null,
    primary key (group_id, member_id)
);

create index working_group_member_by_member on working_group_member (member_id);

-- Dated notes in Markdown, written by the group's members, read by all members.
create table working_group_note (
    id         uuid        primary key,
    group_id   uuid        not null references working_group (id),
    author_id  uuid        not null references member (id),
    body       text        not null check (length(btrim(body)) between 1 and 20000),
    written_at timestamptz not null
);

create index working_group_note_by_group on working_group_note (group_id, written_at desc, id);

-- A round of a proposal. The first round's id names the whole chain; each later round starts from
-- a block's counter-proposal (`from_response_id`) and points to the round before it.
create table proposal (
    id                   uuid        primary key,
    chain_id             uuid        not null,
    round                int         not null check (round between 1 and 100),
    previous_round_id    uuid        unique references proposal (id),
    from_response_id     uuid,
    group_id             uuid        references working_group (id),
    author_id            uuid        not null references member (id),
    title                text        not null check (length(btrim(title)) between 1 and 200),
    body                 text        not null check (length(btrim(body)) between 1 and 20000),
    rule                 text        not null check (rule in ('CONSENT', 'CONSENSUS')),
    deadline             timestamptz not null,
    opened_at            timestamptz not null,
    status               text        not null default 'OPEN'
                                     check (status in ('OPEN', 'ADOPTED', 'REJECTED', 'WITHDRAWN', 'SUPERSEDED')),
    -- Why it was rejected (kept when a rejected round is superseded).
    reason               text        check (reason in ('BLOCKED', 'CONCERNS', 'QUORUM_NOT_MET')),
    -- The counts the decision was taken on.
    eligible             int         check (eligible >= 0),
    decided_at           timestamptz,
    closed_at            timestamptz,
    -- After adoption, the author records what will be done, by whom, and when it is reviewed.
    outcome_action       text        check (length(btrim(outcome_action)) between 1 and 2000),
    outcome_responsible  text        check (length(btrim(outcome_responsible)) between 1 and 200),
    outcome_member_id    uuid        references member (id),
    review_on            date,
    outcome_recorded_at  timestamptz,
    version              bigint      not null default 0,
    constraint proposal_chain unique (chain_id, round),
    constraint proposal_first_round check ((round = 1) = (previous_round_id is null) and (round = 1) = (chain_id = id)),
    constraint proposal_from_block check ((round = 1) = (from_response_id is null)),
    constraint proposal_decided check ((status in ('ADOPTED', 'REJECTED')) <= (decided_at is not null)),
    constraint proposal_rejected_says_why check ((status = 'REJECTED') = (reason is not null) or status = 'SUPERSEDED'),
    constraint proposal_outcome_when_adopted check (outcome_recorded_at is null or status = 'ADOPTED'),
    constraint proposal_outcome_whole check ((outcome_recorded_at is null) = (outcome_action is null)
        and (outcome_recorded_at is null) = (review_on is null)),
    constraint proposal_deadline_after_opening check (deadline > opened_at)
);

-- One open round per chain.
create unique index proposal_one_open_round on proposal (chain_id) where status = 'OPEN';
create index proposal_open_by_deadline on proposal (deadline, id) where status = 'OPEN';
create index proposal_by_group on proposal (group_id, deadline);
create index proposal_review_due on proposal (review_on) where status = 'ADOPTED' and review_on is not null;

-- A member's response to a round: one, changed in place until the deadline.
create table proposal_response (
    id               uuid        primary key,
    proposal_id      uuid        not null references proposal (id),
    member_id        uuid        not null references member (id),
    kind             text        not null check (kind in ('AGREE', 'STAND_ASIDE', 'CONCERN', 'BLOCK')),
    comment          text        check (length(btrim(comment)) between 1 and 2000),
    counter_proposal text        check (length(btrim(counter_proposal)) between 1 and 20000),
    responded_at     timestamptz not null,
    changed_at       timestamptz not null,
    constraint proposal_response_once unique (proposal_id, member_id),
    constraint proposal_response_concern_says_why check (kind <> 'CONCERN' or comment is not null),
    constraint proposal_response_block_proposes check ((kind = 'BLOCK') = (counter_proposal is not null))
);

alter table proposal add constraint proposal_from_response_fk foreign key (from_response_id) references proposal_response (id);

-- Responses only to an open round; the deadline itself is the service's (one clock).
create function proposal_response_open_round() returns trigger language plpgsql as $$
begin
    if not exists (select 1 from proposal p where p.id = new.proposal_id and p.status = 'OPEN') then
        raise exception 'proposal_response_open_round: proposal % is not open', new.proposal_id using errcode = '23514';
    end if;
    return new;
end
$$;

create trigger proposal_response_on_open_round before insert or update on proposal_response
    for each row execute function proposal_response_open_round();

-- A member may turn off the mails about new proposals (Mon compte).
alter table member add column proposal_mails boolean not null default true;

-- Each decision told once, each review reminder sent once, each closing reminder once.
create unique index domain_event_proposal_decided_once on domain_event (subject_id) where type = 'proposal.decided';
create unique index domain_event_proposal_closing_soon_once on domain_event (subject_id) where type = 'proposal.closing_soon';
create unique index domain_event_proposal_review_due_once on domain_event (subject_id) where type = 'proposal.review_due';

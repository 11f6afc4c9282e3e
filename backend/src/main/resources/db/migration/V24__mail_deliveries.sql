-- Mails owed to members, one per event and recipient, written in the transaction of the event
-- (the outbox's): a refused change mails nothing. The address is read when sending, so a member
-- erased meanwhile gets nothing, and no address is kept here.
create table mail_delivery (
    id                  uuid        primary key,
    seq                 bigint      generated always as identity unique,
    event_id            uuid        not null references domain_event (id),
    recipient_member_id uuid        not null references member (id),
    status              text        not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts            integer     not null default 0 check (attempts >= 0),
    next_attempt_at     timestamptz not null,
    last_error          text        check (length(last_error) <= 300),
    sent_at             timestamptz,
    constraint mail_delivery_once unique (event_id, recipient_member_id),
    constraint mail_delivery_sent check ((status = 'SENT') = (sent_at is not null))
);

create index mail_delivery_due on mail_delivery (next_attempt_at) where status = 'PENDING';

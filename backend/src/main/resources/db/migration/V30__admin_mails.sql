-- Mails owed to the co-op's admins (the address panier.admin-mail: Keycloak, not the database,
-- knows who is admin), written in the transaction of their event like members' mails, and sent
-- by their own worker (integrations/AdminMails).
create table admin_mail (
    id              uuid        primary key,
    seq             bigint      generated always as identity unique,
    event_id        uuid        not null unique references domain_event (id),
    status          text        not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        integer     not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz not null,
    last_error      text        check (length(last_error) <= 300),
    sent_at         timestamptz,
    constraint admin_mail_sent check ((status = 'SENT') = (sent_at is not null))
);

create index admin_mail_due on admin_mail (next_attempt_at) where status = 'PENDING';

-- The reminders a member chooses to get by mail (Mon compte). Confirmations of what they did
-- themselves always go; these two are the co-op's initiative, and both start on.
alter table member
    add column pickup_reminder     boolean not null default true,
    add column membership_reminder boolean not null default true;

-- The events that scheduled jobs record (not a member's change): each at most once per subject,
-- whatever the number of instances or runs. The job checks first; this is the last word.
create unique index domain_event_once_per_subject on domain_event (type, subject_id)
    where type in ('order.pickup_reminder', 'membership.expiring');

-- Admins list the mails that failed, newest first.
create index mail_delivery_by_status on mail_delivery (status, seq);

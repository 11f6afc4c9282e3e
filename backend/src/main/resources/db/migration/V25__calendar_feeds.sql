-- The secret part of a member's calendar feed address: 32 random bytes, base64url. Kept apart
-- from the member's row, whose version guards their profile: asking for a feed must not make a
-- profile form read before it stale. Rotating replaces it; erasure deletes it.
create table calendar_feed (
    member_id  uuid        primary key references member (id),
    token      text        not null unique check (token ~ '^[A-Za-z0-9_-]{43}$'),
    created_at timestamptz not null default now()
);

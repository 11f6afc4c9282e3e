-- The secret part of a member's calendar feed address: 32 random bytes, base64url. Rotating it
-- makes the old address stop working; erasure removes it.
alter table member add column calendar_token text unique check (calendar_token ~ '^[A-Za-z0-9_-]{43}$');

-- Volunteer hours (issue 12): rules the services check first, which PostgreSQL now refuses too,
-- so that no path around the services (a script, a future service, a race) can break them.
-- Each error names its rule first, as V34's do.

-- A pause stays within the co-op's yearly limit (pause_max_weeks_per_year, in days of pause in
-- each calendar year the pause touches). Checked when a live pause is written or grows; a pause
-- cancelled or shortened is never refused, even after the co-op lowered its limit. The services
-- run pauses of one household one after the other (household_standing row lock).
create function volunteer_pause_within_limit() returns trigger language plpgsql as $$
declare
    allowed int := (select pause_max_weeks_per_year * 7 from volunteer_rules);
    taken   int;
begin
    if new.cancelled_at is not null or (tg_op = 'UPDATE' and old.cancelled_at is null
            and new.starts_on >= old.starts_on and new.ends_on <= old.ends_on) then
        return new;
    end if;
    for y in extract(year from new.starts_on)::int .. extract(year from new.ends_on)::int loop
        select coalesce(sum(least(p.ends_on, make_date(y, 12, 31)) - greatest(p.starts_on, make_date(y, 1, 1)) + 1), 0)
          into taken
          from (select starts_on, ends_on from volunteer_pause
                 where household_id = new.household_id and cancelled_at is null and id <> new.id
                union all
                select new.starts_on, new.ends_on) p
         where p.starts_on <= make_date(y, 12, 31) and p.ends_on >= make_date(y, 1, 1);
        if taken > allowed then
            raise exception 'volunteer_pause_limit: household % would pause % days in %, the co-op allows %',
                new.household_id, taken, y, allowed using errcode = '23514';
        end if;
    end loop;
    return new;
end
$$;

create trigger volunteer_pause_limit before insert or update of starts_on, ends_on, cancelled_at on volunteer_pause
    for each row execute function volunteer_pause_within_limit();

-- An exemption or a pause covers at most the household's adults (when written: a household
-- that later counts fewer adults has the cover capped by the account).
create function volunteer_cover_adults() returns trigger language plpgsql as $$
begin
    if new.adults > (select adults from household where id = new.household_id) then
        raise exception 'volunteer_cover_adults: household % has fewer than % adults', new.household_id, new.adults
            using errcode = '23514';
    end if;
    return new;
end
$$;

create trigger volunteer_exemption_adults before insert or update of adults, household_id on volunteer_exemption
    for each row when (new.adults is not null) execute function volunteer_cover_adults();
create trigger volunteer_pause_adults before insert or update of adults, household_id on volunteer_pause
    for each row when (new.adults is not null) execute function volunteer_cover_adults();

-- Nobody decides on their own household's logged hours.
create function volunteer_logged_hours_decided_by_another() returns trigger language plpgsql as $$
begin
    if exists (select 1 from member where id = new.decided_by and household_id = new.household_id) then
        raise exception 'volunteer_logged_hours_own_household: member % decides on their own household''s hours',
            new.decided_by using errcode = '23514';
    end if;
    return new;
end
$$;

create trigger volunteer_logged_hours_decider before insert or update of decided_by, household_id on volunteer_logged_hours
    for each row when (new.decided_by is not null) execute function volunteer_logged_hours_decided_by_another();

-- A shift's coordinator is a member of the co-op: not one who has left.
create function shift_coordinator_is_a_member() returns trigger language plpgsql as $$
begin
    if exists (select 1 from member where id = new.member_id and status = 'LEFT') then
        raise exception 'shift_coordinator_member: member % has left the co-op', new.member_id using errcode = '23514';
    end if;
    return new;
end
$$;

create trigger shift_coordinator_member before insert or update of member_id on shift_coordinator
    for each row execute function shift_coordinator_is_a_member();

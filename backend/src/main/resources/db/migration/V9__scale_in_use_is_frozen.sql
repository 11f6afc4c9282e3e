-- A scale that memberships were computed with is part of their history: it never changes.
create function membership_scale_is_frozen_once_used() returns trigger language plpgsql as $$
declare
    scale uuid := coalesce(old.scale_id, new.scale_id);
begin
    if exists (select 1 from membership where scale_id = scale) then
        raise exception 'membership scale % is used by memberships and cannot change', scale;
    end if;
    return coalesce(new, old);
end $$;

create trigger scale_bracket_frozen_once_used before insert or update or delete on scale_bracket
    for each row execute function membership_scale_is_frozen_once_used();

create function membership_scale_period_is_frozen_once_used() returns trigger language plpgsql as $$
begin
    if exists (select 1 from membership where scale_id = old.id)
       and (new.valid_from, new.valid_to) is distinct from (old.valid_from, old.valid_to) then
        raise exception 'membership scale % is used by memberships and cannot change', old.id;
    end if;
    return new;
end $$;

create trigger membership_scale_frozen_once_used before update on membership_scale
    for each row execute function membership_scale_period_is_frozen_once_used();

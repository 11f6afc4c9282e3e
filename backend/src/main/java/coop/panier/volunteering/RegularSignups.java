package coop.panier.volunteering;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import coop.panier.integrations.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The sign-ups a regular seat makes: its holder is signed up in each shift of the template, a
 * live sign-up in the same table as any other (so the seats taken stay counted by PostgreSQL),
 * marked `regular`. The holder may withdraw from one date under the usual rules. Holders the
 * co-op suspended or saw leave are not signed up.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class RegularSignups {

    @Inject
    EntityManager em;

    @Inject
    SeatKinds seatKinds;

    @Inject
    ShiftEvents events;

    /** Signs the template's regular holders up in a shift just generated, those holding a required skill first. */
    void seatHolders(UUID shiftId, UUID templateId, Instant now) {
        List<UUID> holders = em.createNativeQuery("""
                select r.member_id from shift_regular_seat r join member m on m.id = r.member_id
                where r.template_id = ?1 and m.status in ('PENDING', 'ACTIVE') order by r.since, r.member_id""", UUID.class)
                .setParameter(1, templateId).getResultList();
        if (holders.isEmpty()) {
            return;
        }
        Map<UUID, UUID> seated = SeatKinds.seatAll(seatKinds.of(shiftId), seatKinds.candidates(holders));
        Shift shift = snapshot(shiftId);
        seated.forEach((member, skill) -> insert(shift, member, skill, now));
    }

    /**
     * Signs one holder up in the template's shifts to come where they are not yet; answers the
     * starts of those they could not take (full, or only seats requiring a skill they lack).
     */
    List<Instant> signUpEverywhere(UUID templateId, UUID memberId, Instant now) {
        List<UUID> shifts = em.createNativeQuery("""
                select s.id from shift s where s.template_id = ?1 and s.occurs_on is not null and s.status = 'OPEN'
                  and s.starts_at > ?2
                  and not exists (select 1 from shift_signup g where g.shift_id = s.id and g.member_id = ?3
                                  and g.status = 'SIGNED_UP')
                order by s.starts_at for update""", UUID.class)
                .setParameter(1, templateId).setParameter(2, now).setParameter(3, memberId).getResultList();
        Set<UUID> held = seatKinds.held(memberId);
        Map<UUID, SeatKinds.Seats> seats = seatKinds.of(shifts);
        List<Instant> missed = new ArrayList<>();
        for (UUID id : shifts) {
            SeatKinds.Choice choice = seats.get(id).choose(held);
            Shift shift = snapshot(id);
            if (choice.possible()) {
                insert(shift, memberId, choice.skillId(), now);
            } else {
                missed.add(shift.startsAt);
            }
        }
        return missed;
    }

    /**
     * Before a shift takes new seats: which seat each regular holder signed up will take (sign-up
     * id → skill, null for a seat requiring none). Those who no longer fit are withdrawn now.
     */
    Map<UUID, UUID> reseat(UUID shiftId, int seats, List<SeatKinds.SkilledSeat> skilled, Instant now) {
        List<Object[]> live = em.createNativeQuery("""
                select id, member_id from shift_signup where shift_id = ?1 and status = 'SIGNED_UP' and regular
                order by signed_up_at, id""", Object[].class).setParameter(1, shiftId).getResultList();
        Map<UUID, UUID> signupOf = new LinkedHashMap<>();
        live.forEach(r -> signupOf.put((UUID) r[1], (UUID) r[0]));
        Map<UUID, UUID> seated = seatKinds.seatOnEmpty(seats, skilled, List.copyOf(signupOf.keySet()));
        Map<UUID, UUID> seating = new HashMap<>();
        Shift shift = snapshot(shiftId);
        signupOf.forEach((member, signup) -> {
            if (seated.containsKey(member)) {
                seating.put(signup, seated.get(member));
            } else {
                withdraw(shift, signup, member, now);
            }
        });
        return seating;
    }

    /** Moves the sign-ups to their seats, checked by PostgreSQL once they all moved. */
    void apply(Map<UUID, UUID> seating) {
        if (seating.isEmpty()) {
            return;
        }
        em.createNativeQuery("set constraints shift_signup_seat_kind deferred").executeUpdate();
        seating.forEach((signup, skill) -> em.createNativeQuery(
                "update shift_signup set skill_id = cast(nullif(?2, '') as uuid) where id = ?1"
                        + " and skill_id is distinct from cast(nullif(?2, '') as uuid)")
                .setParameter(1, signup).setParameter(2, skill == null ? "" : skill.toString()).executeUpdate());
        em.createNativeQuery("set constraints shift_signup_seat_kind immediate").executeUpdate();
    }

    /** Withdraws every regular sign-up of a shift (cancelled by its template's change). */
    void withdrawAll(UUID shiftId, Instant now) {
        List<Object[]> live = em.createNativeQuery("""
                select id, member_id from shift_signup where shift_id = ?1 and status = 'SIGNED_UP' and regular""",
                Object[].class).setParameter(1, shiftId).getResultList();
        Shift shift = snapshot(shiftId);
        live.forEach(r -> withdraw(shift, (UUID) r[0], (UUID) r[1], now));
    }

    /** Withdraws a former holder from the template's shifts starting after `after`. */
    void withdrawFrom(UUID templateId, UUID memberId, Instant after, Instant now) {
        List<Object[]> live = em.createNativeQuery("""
                select g.id, g.shift_id from shift_signup g join shift s on s.id = g.shift_id
                where s.template_id = ?1 and g.member_id = ?2 and g.status = 'SIGNED_UP' and g.regular
                  and s.starts_at > ?3 order by s.starts_at""", Object[].class)
                .setParameter(1, templateId).setParameter(2, memberId).setParameter(3, after).getResultList();
        live.forEach(r -> withdraw(snapshot((UUID) r[1]), (UUID) r[0], memberId, now));
    }

    private void insert(Shift shift, UUID memberId, UUID skillId, Instant now) {
        em.createNativeQuery("""
                insert into shift_signup (id, shift_id, member_id, signed_up_at, skill_id, regular)
                values (?1, ?2, ?3, ?4, cast(nullif(?5, '') as uuid), true)""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, shift.id).setParameter(3, memberId)
                .setParameter(4, now).setParameter(5, skillId == null ? "" : skillId.toString()).executeUpdate();
        events.signup(EventType.SHIFT_SIGNED_UP, shift, memberId);
    }

    private void withdraw(Shift shift, UUID signupId, UUID memberId, Instant now) {
        em.createNativeQuery("update shift_signup set status = 'WITHDRAWN', withdrawn_at = ?2 where id = ?1")
                .setParameter(1, signupId).setParameter(2, now).executeUpdate();
        events.signup(EventType.SHIFT_WITHDRAWN, shift, memberId);
    }

    /** The shift as it is in the table now, for the events' payload (not an entity of the session). */
    private Shift snapshot(UUID id) {
        Object[] row = (Object[]) em.createNativeQuery("select task, starts_at, ends_at from shift where id = ?1",
                Object[].class).setParameter(1, id).getSingleResult();
        Shift shift = new Shift();
        shift.id = id;
        shift.task = (String) row[0];
        shift.startsAt = (Instant) row[1];
        shift.endsAt = (Instant) row[2];
        return shift;
    }
}

package coop.panier.volunteering;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import coop.panier.api.model.CycleWeek;
import coop.panier.api.model.ShiftSkilledSeat;
import coop.panier.api.model.ShiftStatus;
import coop.panier.common.Caller;
import coop.panier.members.MemberRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * What the templates add to a shift as the API shows it, for a page of shifts at once: its seats
 * requiring a skill (and whether the caller holds it), the free seats the caller may take, the
 * template it came from, and its week's letter when the co-op works on the ABCD cycle.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ShiftDetails {

    @Inject
    EntityManager em;

    @Inject
    SeatKinds seatKinds;

    @Inject
    ShiftCycle cycles;

    @Inject
    MemberRepository members;

    @Inject
    Clock clock;

    public void fill(List<coop.panier.api.model.Shift> shifts, Caller caller) {
        if (shifts.isEmpty()) {
            return;
        }
        List<UUID> ids = shifts.stream().map(coop.panier.api.model.Shift::getId).toList();
        Set<UUID> held = seatKinds.held(members.idOf(caller));
        Map<UUID, SeatKinds.Seats> seats = seatKinds.of(ids);
        Map<UUID, UUID> templates = new HashMap<>();
        List<Object[]> rows = em.createNativeQuery("select id, template_id from shift where id in (?1)"
                + " and template_id is not null", Object[].class).setParameter(1, ids).getResultList();
        rows.forEach(r -> templates.put((UUID) r[0], (UUID) r[1]));
        ShiftCycle.Cycle cycle = cycles.inUse() ? cycles.current() : null;
        for (coop.panier.api.model.Shift shift : shifts) {
            SeatKinds.Seats kinds = seats.get(shift.getId());
            shift.skilledSeats(kinds.needs().stream().map(n -> new ShiftSkilledSeat().skillId(n.skillId()).skill(n.skill())
                    .seats(n.seats()).freeSeats(n.free()).held(held.contains(n.skillId()))).toList());
            shift.freeSeatsForYou(shift.getStatus() == ShiftStatus.CANCELLED ? 0 : kinds.freeFor(held));
            shift.templateId(templates.get(shift.getId()));
            if (cycle != null) {
                shift.cycleWeek(CycleWeek.fromValue(
                        cycle.weekOf(shift.getStartsAt().atZoneSameInstant(clock.getZone()).toLocalDate())));
            }
        }
    }
}

package coop.panier.volunteering;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * A one-off shift, published by an admin: ShiftService's, with its task read from the co-op's
 * list and its seats requiring a skill, in one transaction.
 */
@ApplicationScoped
@Transactional
public class OneOffShifts {

    @Inject
    ShiftService shifts;

    @Inject
    ShiftTasks tasks;

    @Inject
    Skills skills;

    @Inject
    SeatKinds seatKinds;

    @Inject
    EntityManager em;

    public Shift create(ShiftService.Definition d, List<SeatKinds.SkilledSeat> skilled) {
        String task = tasks.require(d.task(), "task");
        seatKinds.validate(d.seats(), skilled, skills);
        Shift shift = shifts.create(new ShiftService.Definition(task, d.place(), d.startsAt(), d.endsAt(), d.seats()));
        em.flush();
        seatKinds.define(shift.id, skilled);
        return shift;
    }
}

package coop.panier.volunteering;

import java.sql.Date;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

import coop.panier.common.ETags;
import coop.panier.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The co-op's ABCD cycle: weeks (Monday to Sunday) named A, B, C, D in turn from a week A that
 * starts on `startsOn`, before it as after it.
 */
@ApplicationScoped
@Transactional
public class ShiftCycle {

    private static final String LETTERS = "ABCD";

    /** The cycle as stored: its week A's Monday, and the row's version. */
    public record Cycle(LocalDate startsOn, long version) {

        /** The letter of the week holding this day. */
        public String weekOf(LocalDate day) {
            LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            long weeks = ChronoUnit.WEEKS.between(startsOn, monday);
            return String.valueOf(LETTERS.charAt((int) Math.floorMod(weeks, 4L)));
        }
    }

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ShiftGenerator generator;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Cycle current() {
        return read("");
    }

    /** Read and held against a change until the transaction ends: generation counts on it. */
    @Transactional(Transactional.TxType.MANDATORY)
    Cycle held() {
        return read(" for share");
    }

    /** Whether a template in force follows the cycle: only then do shifts show their week's letter. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean inUse() {
        return !em.createNativeQuery("select 1 from shift_template where recurrence = 'CYCLE' and ended_at is null limit 1")
                .getResultList().isEmpty();
    }

    /** Moves week A; the cycle's shifts to come follow in the same transaction. */
    public Cycle change(String ifMatch, LocalDate startsOn) {
        if (startsOn.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw ProblemException.invalidField("startsOn", "doit être un lundi (le " + startsOn + " n'en est pas un)");
        }
        Cycle cycle = read(" for update");
        ETags.requireCurrent(ifMatch, cycle.version());
        if (!startsOn.equals(cycle.startsOn())) {
            em.createNativeQuery("update shift_cycle set starts_on = ?1, version = version + 1")
                    .setParameter(1, startsOn).executeUpdate();
            generator.generateAll(clock.instant());
        }
        return read("");
    }

    private Cycle read(String lock) {
        Object[] row = (Object[]) em.createNativeQuery("select starts_on, version from shift_cycle" + lock, Object[].class)
                .getSingleResult();
        return new Cycle(date(row[0]), ((Number) row[1]).longValue());
    }

    static LocalDate date(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }
}

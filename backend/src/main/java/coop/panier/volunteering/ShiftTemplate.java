package coop.panier.volunteering;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A shift that comes back, weekly or one week in four of the ABCD cycle, at the co-op's local
 * times. Its seats requiring a skill and its regular seats live in their own tables (V35). The
 * version is counted by hand, under the row's lock: a change of those seats alone changes it too,
 * and the shifts generated remember the version they follow.
 */
@Entity
@Table(name = "shift_template")
public class ShiftTemplate extends PanacheEntityBase {

    public enum Recurrence {
        WEEKLY, CYCLE
    }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String task;

    @Column(nullable = false)
    public String place;

    /** ISO day of week, 1 = Monday. */
    @Column(nullable = false)
    public int weekday;

    @Column(name = "start_time", nullable = false)
    public LocalTime startTime;

    @Column(name = "end_time", nullable = false)
    public LocalTime endTime;

    @Column(nullable = false)
    public int seats;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Recurrence recurrence;

    /** A, B, C or D with CYCLE; null when weekly. */
    @Column(name = "cycle_week")
    public String cycleWeek;

    @Column(name = "starts_on")
    public LocalDate startsOn;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(nullable = false)
    public long version;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "request_hash")
    public String requestHash;

    public DayOfWeek dayOfWeek() {
        return DayOfWeek.of(weekday);
    }

    /** Whether the template has a shift on that day (its weekday, its week of the cycle, from its first day). */
    boolean fallsOn(LocalDate day, ShiftCycle.Cycle cycle) {
        return day.getDayOfWeek() == dayOfWeek() && (startsOn == null || !day.isBefore(startsOn))
                && (recurrence == Recurrence.WEEKLY || cycle.weekOf(day).equals(cycleWeek));
    }
}

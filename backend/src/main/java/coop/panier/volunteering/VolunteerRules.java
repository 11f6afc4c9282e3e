package coop.panier.volunteering;

import java.time.LocalDate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The co-op's volunteering rule: the one row of volunteer_rules (V34), edited by admins. */
@Entity
@Table(name = "volunteer_rules")
public class VolunteerRules extends PanacheEntityBase {

    @Id
    public boolean id = true;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public HoursAccount.Kind kind;

    @Column(name = "minutes_per_adult", nullable = false)
    public int minutesPerAdult;

    @Column(name = "shifts_per_cycle", nullable = false)
    public int shiftsPerCycle;

    @Column(name = "shift_minutes", nullable = false)
    public int shiftMinutes;

    @Column(name = "counting_from", nullable = false)
    public LocalDate countingFrom;

    @Column(name = "grace_days", nullable = false)
    public int graceDays;

    @Column(name = "alert_after_minutes", nullable = false)
    public int alertAfterMinutes;

    @Column(name = "suspend_after_minutes", nullable = false)
    public int suspendAfterMinutes;

    @Column(name = "ordering_gate", nullable = false)
    public boolean orderingGate;

    @Column(name = "pause_max_weeks_per_year", nullable = false)
    public int pauseMaxWeeksPerYear;

    @Version
    public long version;

    HoursAccount.Rule rule() {
        return new HoursAccount.Rule(kind, minutesPerAdult, shiftsPerCycle, shiftMinutes, countingFrom, graceDays,
                alertAfterMinutes, suspendAfterMinutes, orderingGate, pauseMaxWeeksPerYear);
    }
}

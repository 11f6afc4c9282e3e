package coop.panier.volunteering;

import coop.panier.common.OnceAcrossInstances;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import coop.panier.common.OnceAcrossInstances;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Shifts generated from the templates for the horizon ahead (`panier.volunteering.horizon-weeks`,
 * 8 by default): by a job, once across instances (an advisory lock, and the unique index of
 * template and day behind it), and at once when a template or the cycle changes.
 *
 * A template's shifts to come follow it when it changes, unless a member signed up for one by
 * themselves: those are kept as they were (the template lists them). Holders of a regular seat
 * move with the shift. A shift on a day the template no longer has is cancelled and gives up
 * its day; a shift an admin cancelled keeps its day, so that it is not generated again.
 *
 * Days and hours are the co-op's local ones: a 17:00–19:00 template gives 17:00–19:00 shifts on
 * both sides of a clock change.
 */
@ApplicationScoped
public class ShiftGenerator {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ShiftCycle cycles;

    @Inject
    SeatKinds seatKinds;

    @Inject
    RegularSignups regulars;

    @ConfigProperty(name = "panier.volunteering.horizon-weeks", defaultValue = "8")
    int horizonWeeks;

    /** What one generation did to a template's shifts. */
    public record Outcome(int created, int updated, int cancelled) {
        Outcome plus(Outcome other) {
            return new Outcome(created + other.created, updated + other.updated, cancelled + other.cancelled);
        }
    }

    @Scheduled(every = "${panier.volunteering.generation-check:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void generateDue() {
        run(clock.instant());
    }

    /** Every template's shifts up to the horizon from `now`, in one transaction, one instance at a time. */
    public Outcome run(Instant now) {
        return OnceAcrossInstances.run(em, "shift generation", () -> generateAll(now));
    }

    /** Every template in force, locked in the order of their ids, after the cycle. */
    @Transactional(Transactional.TxType.MANDATORY)
    Outcome generateAll(Instant now) {
        ShiftCycle.Cycle cycle = cycles.held();
        List<UUID> ids = em.createNativeQuery("select id from shift_template where ended_at is null order by id",
                UUID.class).getResultList();
        Outcome outcome = new Outcome(0, 0, 0);
        for (UUID id : ids) {
            ShiftTemplate template = em.find(ShiftTemplate.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (template.endedAt == null) {
                outcome = outcome.plus(generate(template, cycle, now));
            }
        }
        return outcome;
    }

    /** The days of the template's shifts from `now` to the horizon. */
    List<LocalDate> days(ShiftTemplate template, ShiftCycle.Cycle cycle, Instant now) {
        ZoneId zone = clock.getZone();
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate until = today.plusWeeks(horizonWeeks);
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = today; day.isBefore(until); day = day.plusDays(1)) {
            if (template.fallsOn(day, cycle) && start(template, day).isAfter(now)) {
                days.add(day);
            }
        }
        return days;
    }

    Instant start(ShiftTemplate template, LocalDate day) {
        return day.atTime(template.startTime).atZone(clock.getZone()).toInstant();
    }

    Instant end(ShiftTemplate template, LocalDate day) {
        return day.atTime(template.endTime).atZone(clock.getZone()).toInstant();
    }

    /** The template's shifts to come, made to follow it; the template is locked. */
    @Transactional(Transactional.TxType.MANDATORY)
    Outcome generate(ShiftTemplate template, ShiftCycle.Cycle cycle, Instant now) {
        Set<LocalDate> days = new LinkedHashSet<>(days(template, cycle, now));
        List<SeatKinds.SkilledSeat> skilled = skilledSeats(template.id);
        List<Object[]> existing = em.createNativeQuery("""
                select s.id, s.occurs_on, s.status, s.template_version,
                       (select count(*) from shift_signup g where g.shift_id = s.id and g.status = 'SIGNED_UP' and not g.regular)
                from shift s where s.template_id = ?1 and s.occurs_on is not null and s.starts_at > ?2
                order by s.starts_at for update""", Object[].class)
                .setParameter(1, template.id).setParameter(2, now).getResultList();
        int updated = 0;
        int cancelled = 0;
        for (Object[] row : existing) {
            UUID id = (UUID) row[0];
            LocalDate day = ShiftCycle.date(row[1]);
            days.remove(day);
            boolean follows = "OPEN".equals(row[2]) && ((Number) row[4]).intValue() == 0;
            boolean current = row[3] != null && ((Number) row[3]).longValue() == template.version;
            if (!follows) {
                continue;
            }
            // Beyond the horizon too (it may have shrunk): a shift made stays while its day is the template's.
            if (!template.fallsOn(day, cycle) || !start(template, day).isAfter(now)) {
                cancel(id, now);
                cancelled++;
            } else if (!current) {
                follow(id, template, day, skilled, now);
                updated++;
            }
        }
        int created = 0;
        for (LocalDate day : days) {
            if (insert(template, day, skilled, now)) {
                created++;
            }
        }
        return new Outcome(created, updated, cancelled);
    }

    private boolean insert(ShiftTemplate template, LocalDate day, List<SeatKinds.SkilledSeat> skilled, Instant now) {
        UUID id = UUID.randomUUID();
        int inserted = em.createNativeQuery("""
                insert into shift (id, task, place, starts_at, ends_at, seats, template_id, occurs_on, template_version)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) on conflict (template_id, occurs_on) do nothing""")
                .setParameter(1, id).setParameter(2, template.task).setParameter(3, template.place)
                .setParameter(4, start(template, day)).setParameter(5, end(template, day))
                .setParameter(6, template.seats).setParameter(7, template.id).setParameter(8, day)
                .setParameter(9, template.version).executeUpdate();
        if (inserted == 0) {
            return false;
        }
        seatKinds.define(id, skilled);
        regulars.seatHolders(id, template.id, now);
        return true;
    }

    /** A shift nobody chose by themselves takes the template's new definition; its regular holders stay. */
    private void follow(UUID id, ShiftTemplate template, LocalDate day, List<SeatKinds.SkilledSeat> skilled, Instant now) {
        Map<UUID, UUID> seating = regulars.reseat(id, template.seats, skilled, now);
        em.createNativeQuery("""
                update shift set task = ?2, place = ?3, starts_at = ?4, ends_at = ?5, seats = ?6, template_version = ?7,
                       version = version + 1
                where id = ?1""")
                .setParameter(1, id).setParameter(2, template.task).setParameter(3, template.place)
                .setParameter(4, start(template, day)).setParameter(5, end(template, day))
                .setParameter(6, template.seats).setParameter(7, template.version).executeUpdate();
        seatKinds.define(id, skilled);
        regulars.apply(seating);
    }

    /** A day the template no longer has: the shift is cancelled and gives the day up. */
    void cancel(UUID id, Instant now) {
        em.createNativeQuery("update shift set status = 'CANCELLED', occurs_on = null, version = version + 1 where id = ?1")
                .setParameter(1, id).executeUpdate();
        regulars.withdrawAll(id, now);
    }

    List<SeatKinds.SkilledSeat> skilledSeats(UUID templateId) {
        List<Object[]> rows = em.createNativeQuery("""
                select k.skill_id, k.seats from shift_template_skilled_seat k join skill s on s.id = k.skill_id
                where k.template_id = ?1 order by lower(s.name)""", Object[].class).setParameter(1, templateId)
                .getResultList();
        return rows.stream().map(r -> new SeatKinds.SkilledSeat((UUID) r[0], ((Number) r[1]).intValue())).toList();
    }
}

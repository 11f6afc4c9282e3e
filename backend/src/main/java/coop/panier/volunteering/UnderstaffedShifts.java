package coop.panier.volunteering;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import coop.panier.common.OnceAcrossInstances;
import coop.panier.common.Few;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Shifts short of people: an open shift starting within `panier.volunteering.understaffed-days`
 * (3 by default) that still has free seats records `shift.understaffed`, and so a mail to the
 * members who could come; once per shift, whatever the number of instances (an advisory lock,
 * and a unique index behind it). The admins' dashboard lists the same shifts.
 */
@ApplicationScoped
public class UnderstaffedShifts {

    @Inject
    EntityManager em;

    @Inject
    ShiftEvents events;

    @Inject
    Clock clock;

    @ConfigProperty(name = "panier.volunteering.understaffed-days", defaultValue = "3")
    int days;

    public record Short(UUID shiftId, String task, String place, Instant startsAt, Instant endsAt, int seats,
            int freeSeats, int standInsWanted) {
    }

    @Scheduled(every = "${panier.volunteering.understaffed-check:30m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tellDue() {
        tell(clock.instant());
    }

    /** How far ahead a shift short of people is told and shown. */
    public Instant horizon(Instant now) {
        return now.plus(Duration.ofDays(days));
    }

    /** Records the `shift.understaffed` events due at `now`; returns how many. */
    public int tell(Instant now) {
        return OnceAcrossInstances.run(em, "understaffed shifts", () -> {
            List<UUID> due = em.createNativeQuery("""
                    select s.id from shift s
                    where s.status = 'OPEN' and s.starts_at > ?1 and s.starts_at <= ?2 and s.taken < s.seats
                      and not exists (select 1 from domain_event e
                                      where e.type = 'shift.understaffed' and e.subject_id = s.id)
                    order by s.starts_at, s.id""", UUID.class)
                    .setParameter(1, now).setParameter(2, horizon(now)).getResultList();
            due.forEach(id -> events.understaffed(em.find(Shift.class, id)));
            return due.size();
        });
    }

    /** For the dashboard: the open shifts with free seats starting from now to the horizon, soonest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Few<Short> ahead(Instant now, int shown) {
        return Few.ask(em, """
                select s.id, s.task, s.place, s.starts_at, s.ends_at, s.seats, s.seats - s.taken,
                       (select count(*) from shift_stand_in r join shift_signup g on g.id = r.signup_id
                        where r.shift_id = s.id and r.status = 'OPEN' and g.status = 'SIGNED_UP'),
                       count(*) over ()
                from shift s
                where s.status = 'OPEN' and s.starts_at > ?1 and s.starts_at <= ?2 and s.taken < s.seats
                order by s.starts_at, s.id
                limit ?3""", r -> new Short((UUID) r[0], (String) r[1], (String) r[2], (Instant) r[3], (Instant) r[4],
                ((Number) r[5]).intValue(), ((Number) r[6]).intValue(), ((Number) r[7]).intValue()),
                now, horizon(now), shown);
    }
}

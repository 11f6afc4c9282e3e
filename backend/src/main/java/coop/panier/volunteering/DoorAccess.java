package coop.panier.volunteering;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import coop.panier.common.Caller;
import coop.panier.common.ProblemException;
import coop.panier.members.MemberRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Volunteers at the door without admin rights: a member with a live sign-up on a door shift
 * (« préparation du drive », « accueil ») may use the pickup screen and the preparation lists
 * from one hour before the shift to one hour after it, and nothing more. The right comes from
 * the shift, checked here, in one place; not from a role.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DoorAccess {

    /** How long before a door shift, and after it, its member is at the door. */
    static final Duration MARGIN = Duration.ofHours(1);

    @Inject
    EntityManager em;

    @Inject
    MemberRepository members;

    @Inject
    Clock clock;

    /** The tasks that open the door, in the co-op's words; compared without case or accents. */
    @ConfigProperty(name = "panier.volunteering.door-tasks", defaultValue = "préparation du drive,accueil")
    List<String> doorTasks;

    /** A door shift and the window it opens. */
    public record Window(Instant from, Instant until, UUID shiftId, String task, String place, Instant startsAt,
            Instant endsAt) {

        boolean openAt(Instant now) {
            return !now.isBefore(from) && now.isBefore(until);
        }
    }

    /**
     * Lets an admin through, and a member inside a door window; anyone else gets a 403, before
     * anything is looked up.
     */
    public void require(Caller caller) {
        if (!caller.admin() && !open(caller)) {
            throw ProblemException.forbidden("Cette page est réservée aux admins et aux bénévoles inscrits à un créneau"
                    + " « préparation du drive » ou « accueil », d'une heure avant leur créneau à une heure après.");
        }
    }

    /** Whether the caller is at the door now: inside the window of one of their door shifts. */
    public boolean open(Caller caller) {
        Instant now = clock.instant();
        return window(caller).filter(w -> w.openAt(now)).isPresent();
    }

    /** The window open now (the one that closes last, when shifts follow each other), else the next one. */
    public Optional<Window> window(Caller caller) {
        UUID me = members.idOf(caller);
        if (me == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        List<Object[]> rows = em.createNativeQuery("""
                select sh.id, sh.task, sh.place, sh.starts_at, sh.ends_at
                from shift_signup s join shift sh on sh.id = s.shift_id join member m on m.id = s.member_id
                where s.member_id = ?1 and s.status = 'SIGNED_UP' and sh.status = 'OPEN' and sh.ends_at > ?2
                  and m.status not in ('SUSPENDED', 'LEFT')
                order by sh.starts_at, sh.id""", Object[].class)
                .setParameter(1, me).setParameter(2, now.minus(MARGIN)).getResultList();
        Set<String> door = doorTasks.stream().map(DoorAccess::plain).collect(Collectors.toSet());
        List<Window> windows = rows.stream().filter(r -> door.contains(plain((String) r[1])))
                .map(r -> new Window(((Instant) r[3]).minus(MARGIN), ((Instant) r[4]).plus(MARGIN), (UUID) r[0],
                        (String) r[1], (String) r[2], (Instant) r[3], (Instant) r[4]))
                .toList();
        return windows.stream().filter(w -> w.openAt(now)).max(Comparator.comparing(Window::until))
                .or(() -> windows.stream().filter(w -> w.from().isAfter(now)).findFirst());
    }

    /** « Préparation  du Drive » and « preparation du drive » are the same task. */
    static String plain(String task) {
        return Normalizer.normalize(task, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .strip().replaceAll("\\s+", " ");
    }
}

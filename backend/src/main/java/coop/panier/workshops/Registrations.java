package coop.panier.workshops;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import coop.panier.common.Caller;
import coop.panier.common.ProblemException;
import coop.panier.common.Text;
import coop.panier.integrations.EventType;
import coop.panier.members.Member;
import coop.panier.members.MemberRepository;
import coop.panier.members.Standing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Registrations to workshops, by members and by guests (non-members, to public events). Every
 * change runs under the workshop's row lock, so places and the waiting list are counted one
 * transaction at a time; PostgreSQL's `taken <= capacity` check (V40) refuses whatever would
 * slip through. A place given back goes to the first one waiting, in the same transaction.
 */
@ApplicationScoped
@Transactional
public class Registrations {

    static final String FULL = "workshop-full";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    /**
     * A name is mailed back to the address given: a link or an address in it would make the
     * confirmation mail a way to send anyone a message of one's choosing.
     */
    private static final Pattern NOT_A_NAME = Pattern.compile("(?i)(://|www\\.|@|\\p{Cntrl})");

    @Inject
    EntityManager em;

    @Inject
    MemberRepository members;

    @Inject
    Standing standing;

    @Inject
    WorkshopService workshops;

    @Inject
    WorkshopEvents events;

    @Inject
    Clock clock;

    /** How many events to come one guest address may be registered to at once. */
    @ConfigProperty(name = "panier.workshops.guest-registrations-max", defaultValue = "5")
    int guestRegistrationsMax;

    public record Registration(UUID id, UUID workshopId, String status, Integer waitingPosition, Instant registeredAt) {
    }

    /** A guest's registration and whether it was made now (false: the same address came again). */
    public record GuestResult(Registration registration, WorkshopService.View workshop, boolean created) {
    }

    /** One tap: a place if one is left, else the waiting list, for a member in good standing. */
    public Registration register(Caller caller, UUID workshopId) {
        Member member = members.findBySubject(caller.subject()).orElseThrow(Standing.Reason.PENDING::problem);
        standing.require(member, Standing.Need.BELONGING);
        Workshop workshop = workshops.lock(workshopId);
        if (workshop.status == Workshop.Status.CANCELLED && !caller.admin()) {
            throw WorkshopService.notFound();
        }
        if (live("member_id = ?2", workshop.id, member.id) != null) {
            throw ProblemException.conflict("Vous êtes déjà inscrit·e à cet atelier : votre place est gardée.");
        }
        return insert(workshop, member.id, null, null);
    }

    /** Gives the member's place (or their place in line) back, until the workshop begins. */
    public void withdraw(Caller caller, UUID workshopId) {
        UUID me = members.idOf(caller);
        Workshop workshop = workshops.lock(workshopId);
        UUID id = me == null ? null : live("member_id = ?2", workshop.id, me);
        if (id == null) {
            throw ProblemException.notFound("Vous n'êtes pas inscrit·e à cet atelier.");
        }
        giveBack(workshop, id, me);
    }

    /**
     * A neighbour joins a public event with a name and an address. The same address again is the
     * same registration, and mails nothing more.
     */
    public GuestResult registerGuest(UUID workshopId, String name, String email) {
        if (name == null || Text.blank(name)) {
            throw ProblemException.invalidField("name", "ne peut pas être vide");
        }
        if (NOT_A_NAME.matcher(name).find()) {
            throw ProblemException.invalidField("name", "un nom seulement, sans lien, adresse ni retour à la ligne");
        }
        String address = email == null ? "" : email.strip();
        if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
            throw ProblemException.invalidField("email", "adresse électronique invalide");
        }
        Workshop workshop = workshops.lock(workshopId);
        if (!workshop.open || workshop.status == Workshop.Status.CANCELLED) {
            throw WorkshopService.notFound();
        }
        UUID existing = live("lower(guest_email) = lower(?2)", workshop.id, address);
        if (existing != null) {
            return new GuestResult(find(existing), view(workshop), false);
        }
        long held = ((Number) em.createNativeQuery("""
                select count(*) from workshop_registration r join workshop w on w.id = r.workshop_id
                where lower(r.guest_email) = lower(?1) and r.status <> 'WITHDRAWN' and w.ends_at > ?2
                  and w.status = 'OPEN'""").setParameter(1, address).setParameter(2, clock.instant())
                .getSingleResult()).longValue();
        if (held >= guestRegistrationsMax) {
            throw ProblemException.conflict("Cette adresse est déjà inscrite à " + held
                    + " événements à venir : c'est le plus. Annulez-en un avec le lien de son courriel de confirmation.");
        }
        Registration made = insert(workshop, null, name.strip(), address);
        return new GuestResult(made, view(workshop), true);
    }

    /** A guest's registration, by the key of their mail; a withdrawn or erased one is gone. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public GuestResult guestRegistration(String token) {
        UUID id = byToken(token);
        Registration registration = find(id);
        Workshop workshop = em.find(Workshop.class, registration.workshopId());
        if (workshop.status == Workshop.Status.CANCELLED) {
            // The guest was told by mail; their page has no event left to show.
            throw notFoundToken();
        }
        return new GuestResult(registration, workshops.views(List.of(workshop), null).get(0), false);
    }

    public void cancelGuest(String token) {
        UUID id = byToken(token);
        Workshop workshop = workshops.lock(find(id).workshopId());
        // Read again under the lock: another cancellation may have come first.
        if (live("id = ?2", workshop.id, id) == null) {
            throw notFoundToken();
        }
        giveBack(workshop, id, null);
    }

    private UUID byToken(String token) {
        List<UUID> found = em.createNativeQuery("select id from workshop_registration where cancel_token = ?1"
                + " and status <> 'WITHDRAWN'", UUID.class).setParameter(1, token).getResultList();
        if (found.isEmpty()) {
            throw notFoundToken();
        }
        return found.get(0);
    }

    private Registration insert(Workshop workshop, UUID memberId, String guestName, String guestEmail) {
        Instant now = clock.instant();
        if (workshop.status == Workshop.Status.CANCELLED) {
            throw ProblemException.conflict("Cet atelier a été annulé.");
        }
        if (!now.isBefore(workshop.startsAt)) {
            throw ProblemException.conflict("Cet atelier a déjà commencé : on ne peut plus s'y inscrire.");
        }
        String status = workshop.taken < workshop.capacity ? "CONFIRMED" : "WAITING";
        if (status.equals("WAITING") && waiting(workshop.id) >= waitingListSize(workshop)) {
            throw new ProblemException(409, FULL, "Complet, liste d'attente comprise",
                    "Toutes les places sont prises et la liste d'attente est pleine : il n'y a plus de place pour cet atelier.",
                    List.of());
        }
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                insert into workshop_registration (id, workshop_id, member_id, guest_name, guest_email, cancel_token,
                                                   status, registered_at)
                values (?1, ?2, cast(nullif(?3, '') as uuid), ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, id).setParameter(2, workshop.id)
                .setParameter(3, memberId == null ? "" : memberId.toString()).setParameter(4, guestName)
                .setParameter(5, guestEmail).setParameter(6, guestEmail == null ? null : newToken())
                .setParameter(7, status).setParameter(8, now).executeUpdate();
        events.registration(EventType.WORKSHOP_REGISTERED, workshop, id, status, memberId);
        em.refresh(workshop);
        return find(id);
    }

    /** The registration is withdrawn; a confirmed place goes to the first one waiting, who is told. */
    private void giveBack(Workshop workshop, UUID id, UUID memberId) {
        Instant now = clock.instant();
        if (!now.isBefore(workshop.startsAt)) {
            throw ProblemException.conflict("Cet atelier a déjà commencé : on ne peut plus s'en désinscrire.");
        }
        String was = (String) em.createNativeQuery("select status from workshop_registration where id = ?1")
                .setParameter(1, id).getSingleResult();
        em.createNativeQuery("update workshop_registration set status = 'WITHDRAWN', withdrawn_at = ?2 where id = ?1")
                .setParameter(1, id).setParameter(2, now).executeUpdate();
        events.registration(EventType.WORKSHOP_WITHDRAWN, workshop, id, "WITHDRAWN", memberId);
        if (!"CONFIRMED".equals(was) || workshop.status != Workshop.Status.OPEN) {
            return;
        }
        List<Object[]> first = em.createNativeQuery("""
                select id, member_id from workshop_registration
                where workshop_id = ?1 and status = 'WAITING' order by registered_at, seq limit 1""", Object[].class)
                .setParameter(1, workshop.id).getResultList();
        if (first.isEmpty()) {
            return;
        }
        UUID promoted = (UUID) first.get(0)[0];
        em.createNativeQuery("update workshop_registration set status = 'CONFIRMED', promoted_at = ?2 where id = ?1")
                .setParameter(1, promoted).setParameter(2, now).executeUpdate();
        events.registration(EventType.WORKSHOP_PROMOTED, workshop, promoted, "CONFIRMED", (UUID) first.get(0)[1]);
    }

    private WorkshopService.View view(Workshop workshop) {
        em.refresh(workshop);
        return workshops.views(List.of(workshop), null).get(0);
    }

    /** As many people wait as the workshop has places, and at least 10: a list that is long enough, not a second event. */
    static int waitingListSize(Workshop workshop) {
        return Math.max(workshop.capacity, 10);
    }

    private int waiting(UUID workshopId) {
        return ((Number) em.createNativeQuery("select count(*) from workshop_registration where workshop_id = ?1"
                + " and status = 'WAITING'").setParameter(1, workshopId).getSingleResult()).intValue();
    }

    /** The live registration of the workshop matching `condition` (on ?2), or null. */
    private UUID live(String condition, UUID workshopId, Object value) {
        List<UUID> found = em.createNativeQuery("select id from workshop_registration where workshop_id = ?1 and "
                + condition + " and status <> 'WITHDRAWN'", UUID.class).setParameter(1, workshopId)
                .setParameter(2, value).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    private Registration find(UUID id) {
        Object[] r = (Object[]) em.createNativeQuery("""
                select r.id, r.workshop_id, r.status, r.registered_at,
                       case when r.status = 'WAITING' then (select count(*) from workshop_registration o
                            where o.workshop_id = r.workshop_id and o.status = 'WAITING'
                              and (o.registered_at, o.seq) <= (r.registered_at, r.seq)) end
                from workshop_registration r where r.id = ?1""", Object[].class).setParameter(1, id).getSingleResult();
        return new Registration((UUID) r[0], (UUID) r[1], (String) r[2], r[4] == null ? null : ((Number) r[4]).intValue(),
                (Instant) r[3]);
    }

    private static String newToken() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    private static ProblemException notFoundToken() {
        return ProblemException.notFound("Aucune inscription en cours à ce lien : elle a peut-être déjà été annulée.");
    }
}

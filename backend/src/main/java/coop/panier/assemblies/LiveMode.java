package coop.panier.assemblies;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import coop.panier.common.Caller;
import coop.panier.common.ETags;
import coop.panier.common.ProblemException;
import coop.panier.integrations.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * The live mode, on the facilitator's tablet or laptop: start, the current item and its timer
 * (the server's clock), attendance, the double speaking list, notes and decisions, the close
 * that publishes the minutes. Every action runs under the assembly's row lock and bumps its
 * `live_version`, the ETag the room polls with: the state is in PostgreSQL, never in memory.
 */
@ApplicationScoped
@Transactional
public class LiveMode {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Assemblies assemblies;

    @Inject
    Agenda agenda;

    @Inject
    Participants participants;

    @Inject
    AssemblyEvents events;

    /** One change of the live state: the next ETag of the assembly's live view. */
    static void bump(EntityManager em, UUID assemblyId) {
        em.createNativeQuery("update assembly set live_version = live_version + 1 where id = ?1")
                .setParameter(1, assemblyId).executeUpdate();
    }

    /** The assembly goes live; its first item is the current one, its timer started now. */
    public void start(Caller caller, UUID assemblyId) {
        Assembly assembly = assemblies.forFacilitator(caller, assemblyId);
        if (assembly.status != Assembly.Status.SCHEDULED) {
            throw ProblemException.conflict("Cette assemblée a déjà commencé.");
        }
        Instant now = clock.instant();
        assembly.status = Assembly.Status.LIVE;
        assembly.startedAt = now;
        em.flush();
        List<AgendaItem> items = agenda.of(assembly.id);
        if (!items.isEmpty()) {
            moveTo(assembly, items.get(0), now);
        }
        bump(em, assembly.id);
    }

    public void setCurrent(Caller caller, UUID assemblyId, UUID itemId) {
        Assembly assembly = live(caller, assemblyId);
        moveTo(assembly, item(assembly, itemId), clock.instant());
        bump(em, assembly.id);
    }

    /** The previous item's discussion ends; this one's timer starts now, unless it started before. */
    private void moveTo(Assembly assembly, AgendaItem item, Instant now) {
        em.createNativeQuery("update agenda_item set ended_at = ?2 where id = (select current_item_id from assembly where id = ?1)"
                + " and ended_at is null and id <> ?3").setParameter(1, assembly.id).setParameter(2, now)
                .setParameter(3, item.id).executeUpdate();
        em.createNativeQuery("update agenda_item set started_at = coalesce(started_at, ?2), ended_at = null where id = ?1")
                .setParameter(1, item.id).setParameter(2, now).executeUpdate();
        em.createNativeQuery("update assembly set current_item_id = ?2 where id = ?1").setParameter(1, assembly.id)
                .setParameter(2, item.id).executeUpdate();
        em.refresh(item);
    }

    public void record(Caller caller, UUID assemblyId, UUID itemId, String notes, String decision, String ifMatch) {
        Assembly assembly = live(caller, assemblyId);
        AgendaItem item = item(assembly, itemId);
        ETags.requireCurrent(ifMatch, item.version);
        item.notes = notes == null ? "" : notes.strip();
        item.decision = decision == null ? "" : decision.strip();
        em.flush();
        bump(em, assembly.id);
    }

    /** Marks the member present, until the assembly closes; twice changes nothing. */
    public void present(Caller caller, UUID assemblyId, UUID memberId) {
        Assembly assembly = open(caller, assemblyId);
        if (!Participants.active(em, memberId)) {
            throw ProblemException.notFound("Aucun adhérent actif ne porte cet identifiant.");
        }
        markPresent(assembly, memberId, participants.idOf(caller));
        bump(em, assembly.id);
    }

    public void absent(Caller caller, UUID assemblyId, UUID memberId) {
        Assembly assembly = open(caller, assemblyId);
        em.createNativeQuery("delete from assembly_attendance where assembly_id = ?1 and member_id = ?2")
                .setParameter(1, assembly.id).setParameter(2, memberId).executeUpdate();
        em.createNativeQuery("update assembly_hand set status = 'LOWERED', settled_at = ?3 where assembly_id = ?1"
                + " and member_id = ?2 and status = 'WAITING'").setParameter(1, assembly.id).setParameter(2, memberId)
                .setParameter(3, clock.instant()).executeUpdate();
        bump(em, assembly.id);
    }

    /**
     * A hand up on the speaking list: the caller's own (they must be marked present), or, for the
     * facilitator, someone they add (marked present at once). One waiting hand per person.
     */
    public void raise(Caller caller, UUID assemblyId, UUID memberId) {
        UUID me = participants.idOf(caller);
        boolean own = memberId == null || memberId.equals(me);
        Assembly assembly = own ? assemblies.lock(assemblyId) : assemblies.forFacilitator(caller, assemblyId);
        UUID who = own ? me : memberId;
        requireLive(assembly);
        if (who == null) {
            throw ProblemException.notFound("Aucun adhérent n'est lié à ce compte.");
        }
        if (own) {
            if (!present(assembly.id, who)) {
                throw ProblemException.conflict("Votre présence n'est pas encore notée : demandez à l'animateur·rice de"
                        + " vous compter parmi les présent·es, puis levez la main.");
            }
        } else {
            if (!Participants.active(em, who)) {
                throw ProblemException.invalidField("memberId", "aucun adhérent actif ne porte cet identifiant");
            }
            markPresent(assembly, who, me);
        }
        boolean waiting = !em.createNativeQuery("select 1 from assembly_hand where assembly_id = ?1 and member_id = ?2"
                + " and status = 'WAITING'").setParameter(1, assembly.id).setParameter(2, who).getResultList().isEmpty();
        if (waiting) {
            throw ProblemException.conflict(own ? "Votre main est déjà levée." : "Cette personne a déjà la main levée.");
        }
        em.createNativeQuery("""
                insert into assembly_hand (id, assembly_id, member_id, item_id, raised_at, raised_by)
                values (?1, ?2, ?3, (select current_item_id from assembly where id = ?2), ?4, ?5)""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, assembly.id).setParameter(3, who)
                .setParameter(4, clock.instant()).setParameter(5, me).executeUpdate();
        bump(em, assembly.id);
    }

    /** The person whose hand it is lowers it, or the facilitator does; for anyone else the hand is a 404. */
    public void lower(Caller caller, UUID assemblyId, UUID handId) {
        Assembly assembly = assemblies.lock(assemblyId);
        UUID owner = waitingHand(assembly.id, handId);
        if (owner == null || !(owner.equals(participants.idOf(caller)) || assemblies.mayFacilitate(caller, assembly))) {
            throw noHand();
        }
        settle(handId, "LOWERED");
        bump(em, assembly.id);
    }

    /** The facilitator gives the floor: one intervention more for that person in this assembly. */
    public void giveFloor(Caller caller, UUID assemblyId, UUID handId) {
        Assembly assembly = live(caller, assemblyId);
        if (waitingHand(assembly.id, handId) == null) {
            throw noHand();
        }
        settle(handId, "GIVEN");
        bump(em, assembly.id);
    }

    /** Closes the assembly and publishes its minutes: once, with `assembly.minutes_published`. */
    public void close(Caller caller, UUID assemblyId) {
        Assembly assembly = assemblies.forFacilitator(caller, assemblyId);
        if (assembly.status == Assembly.Status.SCHEDULED) {
            throw ProblemException.conflict("Cette assemblée n'a pas commencé : démarrez-la avant de la clore.");
        }
        if (assembly.status == Assembly.Status.CLOSED) {
            throw ProblemException.conflict("Cette assemblée est déjà close : son compte rendu est publié.");
        }
        Instant now = clock.instant();
        em.createNativeQuery("update agenda_item set ended_at = ?2 where assembly_id = ?1 and started_at is not null"
                + " and ended_at is null").setParameter(1, assembly.id).setParameter(2, now).executeUpdate();
        em.createNativeQuery("update assembly_hand set status = 'LOWERED', settled_at = ?2 where assembly_id = ?1"
                + " and status = 'WAITING'").setParameter(1, assembly.id).setParameter(2, now).executeUpdate();
        assembly.status = Assembly.Status.CLOSED;
        assembly.closedAt = now;
        em.flush();
        bump(em, assembly.id);
        events.record(EventType.ASSEMBLY_MINUTES_PUBLISHED, assembly);
    }

    private Assembly live(Caller caller, UUID assemblyId) {
        Assembly assembly = assemblies.forFacilitator(caller, assemblyId);
        requireLive(assembly);
        return assembly;
    }

    private Assembly open(Caller caller, UUID assemblyId) {
        Assembly assembly = assemblies.forFacilitator(caller, assemblyId);
        if (assembly.status == Assembly.Status.CLOSED) {
            throw ProblemException.conflict("Cette assemblée est close : sa feuille de présence ne change plus.");
        }
        return assembly;
    }

    private static void requireLive(Assembly assembly) {
        if (assembly.status != Assembly.Status.LIVE) {
            throw ProblemException.conflict(assembly.status == Assembly.Status.SCHEDULED
                    ? "Cette assemblée n'a pas encore commencé." : "Cette assemblée est close.");
        }
    }

    private AgendaItem item(Assembly assembly, UUID itemId) {
        AgendaItem item = em.find(AgendaItem.class, itemId, LockModeType.PESSIMISTIC_WRITE);
        if (item == null || !assembly.id.equals(item.assemblyId) || item.status != AgendaItem.Status.PROPOSED) {
            throw ProblemException.notFound("Aucun point de l'ordre du jour de cette assemblée ne porte cet identifiant.");
        }
        return item;
    }

    private void markPresent(Assembly assembly, UUID memberId, UUID by) {
        em.createNativeQuery("insert into assembly_attendance (assembly_id, member_id, marked_at, marked_by)"
                + " values (?1, ?2, ?3, ?4) on conflict do nothing").setParameter(1, assembly.id).setParameter(2, memberId)
                .setParameter(3, clock.instant()).setParameter(4, by).executeUpdate();
    }

    private boolean present(UUID assemblyId, UUID memberId) {
        return !em.createNativeQuery("select 1 from assembly_attendance where assembly_id = ?1 and member_id = ?2")
                .setParameter(1, assemblyId).setParameter(2, memberId).getResultList().isEmpty();
    }

    /** Whose waiting hand it is in this assembly, or null. */
    private UUID waitingHand(UUID assemblyId, UUID handId) {
        List<?> owner = em.createNativeQuery("select member_id from assembly_hand where id = ?1 and assembly_id = ?2"
                + " and status = 'WAITING'", UUID.class).setParameter(1, handId).setParameter(2, assemblyId).getResultList();
        return owner.isEmpty() ? null : (UUID) owner.get(0);
    }

    private void settle(UUID handId, String status) {
        em.createNativeQuery("update assembly_hand set status = ?2, settled_at = ?3 where id = ?1")
                .setParameter(1, handId).setParameter(2, status).setParameter(3, clock.instant()).executeUpdate();
    }

    private static ProblemException noHand() {
        return ProblemException.notFound("Aucune main levée ne porte cet identifiant dans cette assemblée.");
    }
}

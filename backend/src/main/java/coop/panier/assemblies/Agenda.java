package coop.panier.assemblies;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import coop.panier.common.Caller;
import coop.panier.common.ETags;
import coop.panier.common.ProblemException;
import coop.panier.common.Text;
import coop.panier.members.Member;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * The open agenda. Any active member in good standing proposes an item until the agenda closes;
 * after it, the item is still taken but `late`: it goes to the next scheduled assembly (starting
 * after the one asked for) whose agenda is still open, or, when there is none yet, it waits with
 * no assembly until an admin schedules one (placeWaiting). Its author changes or withdraws it
 * until the agenda that holds it closes.
 */
@ApplicationScoped
@Transactional
public class Agenda {

    static final String AGENDA_CLOSED = "agenda-closed";

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Assemblies assemblies;

    @Inject
    Participants participants;

    public record Input(String title, String description, int durationMinutes, UUID proposalId) {
    }

    public AgendaItem add(Caller caller, UUID assemblyId, Input in) {
        Member author = participants.inGoodStanding(caller);
        Assembly asked = assemblies.find(assemblyId);
        AgendaItem item = new AgendaItem();
        item.id = UUID.randomUUID();
        item.askedForId = asked.id;
        item.authorId = author.id;
        item.submittedAt = clock.instant();
        apply(item, in);
        if (assemblies.agendaOpen(asked)) {
            item.assemblyId = asked.id;
        } else {
            item.late = true;
            item.assemblyId = nextOpenAfter(asked.startsAt);
        }
        em.persist(item);
        em.flush();
        if (item.assemblyId != null) {
            LiveMode.bump(em, item.assemblyId);
        }
        return item;
    }

    public AgendaItem change(Caller caller, UUID assemblyId, UUID itemId, Input in, String ifMatch) {
        AgendaItem item = own(caller, assemblyId, itemId, false);
        ETags.requireCurrent(ifMatch, item.version);
        requireEditable(item);
        apply(item, in);
        em.flush();
        if (item.assemblyId != null) {
            LiveMode.bump(em, item.assemblyId);
        }
        return item;
    }

    /** The author until the agenda closes, or an admin at any time before the assembly starts. */
    public void withdraw(Caller caller, UUID assemblyId, UUID itemId) {
        AgendaItem item = own(caller, assemblyId, itemId, caller.admin());
        boolean author = item.authorId.equals(participants.idOf(caller));
        if (author && !caller.admin()) {
            requireEditable(item);
        } else if (item.assemblyId != null && assemblies.find(item.assemblyId).status != Assembly.Status.SCHEDULED) {
            throw ProblemException.conflict("Cette assemblée a commencé : son ordre du jour ne change plus.");
        }
        item.status = AgendaItem.Status.WITHDRAWN;
        item.withdrawnAt = clock.instant();
        em.flush();
        if (item.assemblyId != null) {
            LiveMode.bump(em, item.assemblyId);
        }
    }

    /** The items on the assembly's agenda, not withdrawn, in the order they were proposed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AgendaItem> of(UUID assemblyId) {
        return em.createQuery("from AgendaItem i where i.assemblyId = :a and i.status = :proposed order by i.submittedAt, i.id",
                AgendaItem.class).setParameter("a", assemblyId).setParameter("proposed", AgendaItem.Status.PROPOSED)
                .getResultList();
    }

    /** Whether its author may still change it: while it waits, or while the agenda holding it is open. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean editable(AgendaItem item) {
        return item.status == AgendaItem.Status.PROPOSED
                && (item.assemblyId == null || assemblies.agendaOpen(assemblies.find(item.assemblyId)));
    }

    /** The late items waiting for an assembly join this one if it comes after the one they asked for and its agenda is open. */
    void placeWaiting(Assembly assembly) {
        if (!assemblies.agendaOpen(assembly)) {
            return;
        }
        int placed = em.createNativeQuery("""
                update agenda_item i set assembly_id = ?1
                where i.assembly_id is null and i.status = 'PROPOSED'
                  and (select a.starts_at from assembly a where a.id = i.asked_for_id) < ?2""")
                .setParameter(1, assembly.id).setParameter(2, assembly.startsAt).executeUpdate();
        if (placed > 0) {
            LiveMode.bump(em, assembly.id);
        }
    }

    /** The first scheduled assembly starting after `after` whose agenda is still open, or null. */
    private UUID nextOpenAfter(Instant after) {
        List<Assembly> next = em.createQuery("from Assembly a where a.status = :scheduled and a.startsAt > :after"
                + " order by a.startsAt, a.id", Assembly.class).setParameter("scheduled", Assembly.Status.SCHEDULED)
                .setParameter("after", after).getResultList();
        return next.stream().filter(assemblies::agendaOpen).map(a -> a.id).findFirst().orElse(null);
    }

    private void apply(AgendaItem item, Input in) {
        if (Text.blank(in.title())) {
            throw ProblemException.invalidField("title", "obligatoire");
        }
        item.title = in.title().strip();
        item.description = in.description() == null ? "" : in.description().strip();
        item.durationMinutes = in.durationMinutes();
        item.proposalId = in.proposalId();
    }

    private void requireEditable(AgendaItem item) {
        if (!editable(item)) {
            throw new ProblemException(409, AGENDA_CLOSED, "Ordre du jour clos",
                    "L'ordre du jour de cette assemblée est clos : ce point ne peut plus être modifié ni retiré."
                            + " Parlez-en à l'animateur·rice de l'assemblée.", List.of());
        }
    }

    /**
     * The item, locked, if it is on this assembly's agenda or was proposed for it, and the caller
     * proposed it (or `anyone`, for an admin); else a 404.
     */
    private AgendaItem own(Caller caller, UUID assemblyId, UUID itemId, boolean anyone) {
        AgendaItem item = em.find(AgendaItem.class, itemId, LockModeType.PESSIMISTIC_WRITE);
        UUID me = participants.idOf(caller);
        if (item == null || !(assemblyId.equals(item.assemblyId) || assemblyId.equals(item.askedForId))
                || !(anyone || item.authorId.equals(me)) || item.status == AgendaItem.Status.WITHDRAWN) {
            throw ProblemException.notFound("Aucun de vos points ne porte cet identifiant dans cette assemblée.");
        }
        return item;
    }
}

package coop.panier.assemblies;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import coop.panier.common.Caller;
import coop.panier.common.Cursor;
import coop.panier.common.ETags;
import coop.panier.common.ProblemException;
import coop.panier.common.Text;
import coop.panier.integrations.EventType;
import coop.panier.members.MemberRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Assemblies as admins schedule them, and the co-op's rules for them. Who may run one (its
 * facilitator, or an admin) is answered here for every live action.
 */
@ApplicationScoped
@Transactional
public class Assemblies {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    MemberRepository members;

    @Inject
    Agenda agenda;

    @Inject
    AssemblyEvents events;

    public record Definition(String title, String place, Instant startsAt, Instant endsAt, UUID facilitatorId) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AssemblyRules rules() {
        return em.find(AssemblyRules.class, true);
    }

    public AssemblyRules updateRules(String ifMatch, int agendaCloseDays, int maxProxiesHeld) {
        AssemblyRules rules = em.find(AssemblyRules.class, true, LockModeType.PESSIMISTIC_WRITE);
        ETags.requireCurrent(ifMatch, rules.version);
        rules.agendaCloseDays = agendaCloseDays;
        rules.maxProxiesHeld = maxProxiesHeld;
        em.flush();
        return rules;
    }

    public Assembly create(Definition d) {
        Assembly assembly = new Assembly();
        assembly.id = UUID.randomUUID();
        apply(assembly, d);
        em.persist(assembly);
        em.flush();
        agenda.placeWaiting(assembly);
        events.record(EventType.ASSEMBLY_SCHEDULED, assembly);
        return assembly;
    }

    /** Admins change an assembly until it starts; waiting items may then fit its agenda. */
    public Assembly update(UUID id, Definition d, String ifMatch) {
        Assembly assembly = lock(id);
        ETags.requireCurrent(ifMatch, assembly.version);
        if (assembly.status != Assembly.Status.SCHEDULED) {
            throw ProblemException.conflict("Cette assemblée a commencé : on ne peut plus la modifier.");
        }
        apply(assembly, d);
        em.flush();
        agenda.placeWaiting(assembly);
        LiveMode.bump(em, assembly.id);
        return assembly;
    }

    private void apply(Assembly assembly, Definition d) {
        if (Text.blank(d.title())) {
            throw ProblemException.invalidField("title", "obligatoire");
        }
        if (Text.blank(d.place())) {
            throw ProblemException.invalidField("place", "obligatoire");
        }
        if (!d.endsAt().isAfter(d.startsAt())) {
            throw ProblemException.invalidField("endsAt", "doit être après le début");
        }
        if (!Participants.active(em, d.facilitatorId())) {
            throw ProblemException.invalidField("facilitatorId", "aucun adhérent actif ne porte cet identifiant");
        }
        assembly.title = d.title().strip();
        assembly.place = d.place().strip();
        assembly.startsAt = d.startsAt();
        assembly.endsAt = d.endsAt();
        assembly.facilitatorId = d.facilitatorId();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Assembly find(UUID id) {
        Assembly assembly = em.find(Assembly.class, id);
        if (assembly == null) {
            throw notFound();
        }
        return assembly;
    }

    Assembly lock(UUID id) {
        Assembly assembly = em.find(Assembly.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (assembly == null) {
            throw notFound();
        }
        return assembly;
    }

    /**
     * The assembly, locked, for one of its live actions: its facilitator or an admin; anyone else
     * gets a 403 before anything is looked up (as a shift's coordinator for attendance).
     */
    Assembly forFacilitator(Caller caller, UUID id) {
        if (!caller.admin()) {
            UUID me = members.idOf(caller);
            boolean facilitates = me != null && !em.createNativeQuery("select 1 from assembly where id = ?1 and facilitator_id = ?2")
                    .setParameter(1, id).setParameter(2, me).getResultList().isEmpty();
            if (!facilitates) {
                throw ProblemException.forbidden("Seuls l'animateur·rice de cette assemblée et les admins la mènent.");
            }
        }
        return lock(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean mayFacilitate(Caller caller, Assembly assembly) {
        return caller.admin() || assembly.facilitatorId.equals(members.idOf(caller));
    }

    /** When its agenda closes: so many days before it starts, at the same hour on the co-op's calendar. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Instant agendaClosesAt(Assembly assembly) {
        return assembly.startsAt.atZone(clock.getZone()).minusDays(rules().agendaCloseDays).toInstant();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean agendaOpen(Assembly assembly) {
        return assembly.status == Assembly.Status.SCHEDULED && clock.instant().isBefore(agendaClosesAt(assembly));
    }

    /** Those to come or under way, soonest first; or the closed ones, latest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Cursor.Slice<Assembly> page(boolean past, Integer limit, String cursor) {
        record After(Instant startsAt, UUID id) {
        }
        After after = Cursor.read(cursor, 2, key -> new After(Instant.parse(key.get(0)), UUID.fromString(key.get(1))));
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(past ? "a.status = :closed" : "a.status <> :closed");
        params.put("closed", Assembly.Status.CLOSED);
        if (after != null) {
            where.append(past ? " and (a.startsAt < :afterStart or (a.startsAt = :afterStart and a.id < :afterId))"
                    : " and (a.startsAt > :afterStart or (a.startsAt = :afterStart and a.id > :afterId))");
            params.put("afterStart", after.startsAt());
            params.put("afterId", after.id());
        }
        int size = Cursor.limit(limit);
        String order = past ? " order by a.startsAt desc, a.id desc" : " order by a.startsAt, a.id";
        var query = em.createQuery("from Assembly a where " + where + order, Assembly.class).setMaxResults(size + 1);
        params.forEach(query::setParameter);
        List<Assembly> found = query.getResultList();
        return Cursor.slice(found, size, a -> new String[] { a.startsAt.toString(), a.id.toString() });
    }

    static ProblemException notFound() {
        return ProblemException.notFound("Aucune assemblée ne porte cet identifiant.");
    }
}

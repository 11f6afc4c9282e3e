package coop.panier.workshops;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import coop.panier.common.Caller;
import coop.panier.common.Cursor;
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
 * Workshops and events: scheduled and cancelled by admins, listed to members with their places
 * left, their waiting list and the caller's own registration; the public ones also to anyone.
 */
@ApplicationScoped
@Transactional
public class WorkshopService {

    @Inject
    EntityManager em;

    @Inject
    MemberRepository members;

    @Inject
    WorkshopEvents events;

    @Inject
    Clock clock;

    public record Definition(String title, String description, String place, Instant startsAt, Instant endsAt,
            int capacity, boolean open) {
    }

    /** A workshop as the caller sees it: how many wait, and the caller's own registration. */
    public record View(Workshop workshop, int waiting, String myStatus, Integer myPosition) {
    }

    public Workshop create(Caller caller, Definition d) {
        required("title", d.title());
        required("place", d.place());
        if (!d.endsAt().isAfter(d.startsAt())) {
            throw ProblemException.invalidField("endsAt", "doit être après le début");
        }
        if (!d.startsAt().isAfter(clock.instant())) {
            throw ProblemException.invalidField("startsAt", "doit être dans le futur");
        }
        Workshop workshop = new Workshop();
        workshop.id = UUID.randomUUID();
        workshop.title = d.title().strip();
        workshop.description = d.description() == null ? "" : d.description().strip();
        workshop.place = d.place().strip();
        workshop.startsAt = d.startsAt();
        workshop.endsAt = d.endsAt();
        workshop.capacity = d.capacity();
        workshop.open = d.open();
        workshop.createdBy = members.idOf(caller);
        em.persist(workshop);
        em.flush();
        events.workshop(EventType.WORKSHOP_SCHEDULED, workshop);
        return workshop;
    }

    private static void required(String field, String text) {
        if (text == null || Text.blank(text)) {
            throw ProblemException.invalidField(field, "ne peut pas être vide");
        }
    }

    /** The workshops not ended, by start; members do not see the cancelled ones, anonymous visitors only the public ones. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Cursor.Slice<View> page(Caller caller, boolean publicOnly, Integer limit, String cursor) {
        record After(Instant startsAt, UUID id) {
        }
        After after = Cursor.read(cursor, 2, key -> new After(Instant.parse(key.get(0)), UUID.fromString(key.get(1))));
        StringBuilder where = new StringBuilder("w.endsAt > :now");
        Map<String, Object> params = new HashMap<>();
        params.put("now", clock.instant());
        if (publicOnly || !caller.admin()) {
            where.append(" and w.status = :open");
            params.put("open", Workshop.Status.OPEN);
        }
        if (publicOnly) {
            where.append(" and w.open = true");
        }
        if (after != null) {
            where.append(" and (w.startsAt > :afterStart or (w.startsAt = :afterStart and w.id > :afterId))");
            params.put("afterStart", after.startsAt());
            params.put("afterId", after.id());
        }
        int size = Cursor.limit(limit);
        var query = em.createQuery("from Workshop w where " + where + " order by w.startsAt, w.id", Workshop.class)
                .setMaxResults(size + 1);
        params.forEach(query::setParameter);
        List<View> views = views(query.getResultList(), publicOnly ? null : members.idOf(caller));
        return Cursor.slice(views, size, v -> new String[] { v.workshop().startsAt.toString(), v.workshop().id.toString() });
    }

    /** One workshop: a cancelled one is for admins only; a public page shows only public, open ones. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public View get(Caller caller, UUID id, boolean publicOnly) {
        Workshop workshop = em.find(Workshop.class, id);
        if (workshop == null || (workshop.status == Workshop.Status.CANCELLED && (publicOnly || !caller.admin()))
                || (publicOnly && !workshop.open)) {
            throw notFound();
        }
        return views(List.of(workshop), publicOnly ? null : members.idOf(caller)).get(0);
    }

    public View cancel(Caller caller, UUID id) {
        Workshop workshop = lock(id);
        if (workshop.status == Workshop.Status.OPEN) {
            if (!clock.instant().isBefore(workshop.startsAt)) {
                throw ProblemException.conflict("Cet atelier a déjà commencé : on ne peut plus l'annuler.");
            }
            workshop.status = Workshop.Status.CANCELLED;
            em.flush();
            events.cancelled(workshop);
        }
        return views(List.of(workshop), members.idOf(caller)).get(0);
    }

    Workshop lock(UUID id) {
        Workshop workshop = em.find(Workshop.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (workshop == null) {
            throw notFound();
        }
        return workshop;
    }

    /** How many wait on each workshop, and the caller's registration and place in line, in one query. */
    List<View> views(List<Workshop> workshops, UUID me) {
        if (workshops.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = em.createNativeQuery("""
                select w.id,
                       (select count(*) from workshop_registration o where o.workshop_id = w.id and o.status = 'WAITING'),
                       r.status,
                       case when r.status = 'WAITING' then (select count(*) from workshop_registration o
                            where o.workshop_id = w.id and o.status = 'WAITING'
                              and (o.registered_at, o.seq) <= (r.registered_at, r.seq)) end
                from workshop w
                left join workshop_registration r on r.workshop_id = w.id and r.member_id = cast(nullif(?2, '') as uuid)
                     and r.status <> 'WITHDRAWN'
                where w.id in (?1)""", Object[].class)
                .setParameter(1, workshops.stream().map(w -> w.id).toList())
                .setParameter(2, me == null ? "" : me.toString()).getResultList();
        Map<UUID, Object[]> byId = new HashMap<>();
        rows.forEach(r -> byId.put((UUID) r[0], r));
        return workshops.stream().map(w -> {
            Object[] r = byId.get(w.id);
            return new View(w, ((Number) r[1]).intValue(), (String) r[2], r[3] == null ? null : ((Number) r[3]).intValue());
        }).toList();
    }

    static ProblemException notFound() {
        return ProblemException.notFound("Aucun atelier ni événement ne porte cet identifiant.");
    }
}

package coop.panier.assemblies;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import coop.panier.api.model.AgendaItemStatus;
import coop.panier.api.model.AssemblyHand;
import coop.panier.api.model.AssemblyLive;
import coop.panier.api.model.AssemblyMember;
import coop.panier.api.model.AssemblyMinutes;
import coop.panier.api.model.AssemblyPerson;
import coop.panier.api.model.AssemblyProxy;
import coop.panier.api.model.AssemblyStatus;
import coop.panier.common.Caller;
import coop.panier.common.ProblemException;
import coop.panier.common.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Assemblies as the contract tells them to the caller: their agenda, proxies, live state and minutes. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AssemblyViews {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Assemblies assemblies;

    @Inject
    Agenda agenda;

    @Inject
    Proxies proxies;

    @Inject
    Participants participants;

    /** The live state and its ETag (the assembly's live_version). */
    public record Live(long version, AssemblyLive state) {
    }

    public coop.panier.api.model.Assembly assembly(Caller caller, Assembly a) {
        UUID me = participants.idOf(caller);
        List<AssemblyProxy> given = proxies(a.id);
        long items = ((Number) em.createNativeQuery("select count(*) from agenda_item where assembly_id = ?1 and status = 'PROPOSED'")
                .setParameter(1, a.id).getSingleResult()).longValue();
        return new coop.panier.api.model.Assembly().id(a.id).title(a.title).place(a.place).startsAt(offset(a.startsAt))
                .endsAt(offset(a.endsAt)).status(AssemblyStatus.fromValue(a.status.name()))
                .facilitator(people(List.of(a.facilitatorId)).get(a.facilitatorId))
                .agendaClosesAt(offset(assemblies.agendaClosesAt(a))).agendaOpen(assemblies.agendaOpen(a))
                .agendaPublishedAt(offset(a.agendaPublishedAt)).itemCount((int) items)
                .canFacilitate(assemblies.mayFacilitate(caller, a))
                .myProxy(given.stream().filter(p -> p.getGiver().getId().equals(me)).map(AssemblyProxy::getHolder).findFirst()
                        .orElse(null))
                .proxiesHeld(given.stream().filter(p -> p.getHolder().getId().equals(me)).map(AssemblyProxy::getGiver).toList())
                .startedAt(offset(a.startedAt)).closedAt(offset(a.closedAt));
    }

    public List<coop.panier.api.model.AgendaItem> items(Caller caller, List<AgendaItem> items) {
        UUID me = participants.idOf(caller);
        Map<UUID, AssemblyPerson> authors = people(items.stream().map(i -> i.authorId).toList());
        return items.stream().map(i -> item(i, authors.get(i.authorId), me)).toList();
    }

    public coop.panier.api.model.AgendaItem item(Caller caller, AgendaItem item) {
        return items(caller, List.of(item)).get(0);
    }

    private coop.panier.api.model.AgendaItem item(AgendaItem i, AssemblyPerson author, UUID me) {
        boolean mine = i.authorId.equals(me);
        return new coop.panier.api.model.AgendaItem().id(i.id).assemblyId(i.assemblyId).askedForAssemblyId(i.askedForId)
                .title(i.title).description(i.description).durationMinutes(i.durationMinutes).proposalId(i.proposalId)
                .late(i.late).status(AgendaItemStatus.fromValue(i.status.name())).author(author)
                .submittedAt(offset(i.submittedAt)).mine(mine).editable(mine && agenda.editable(i))
                .startedAt(offset(i.startedAt)).endedAt(offset(i.endedAt)).notes(i.notes).decision(i.decision)
                .version(i.version);
    }

    public List<AssemblyProxy> proxies(UUID assemblyId) {
        List<Proxies.Proxy> found = proxies.of(assemblyId);
        Set<UUID> ids = new HashSet<>();
        found.forEach(p -> {
            ids.add(p.giverId());
            ids.add(p.holderId());
        });
        Map<UUID, AssemblyPerson> named = people(ids);
        return found.stream().map(p -> new AssemblyProxy().giver(named.get(p.giverId())).holder(named.get(p.holderId()))
                .givenAt(offset(p.givenAt()))).toList();
    }

    /** What the room sees, polled: read from the database, as every instance would read it. */
    public Live live(Caller caller, UUID assemblyId) {
        Assembly a = assemblies.find(assemblyId);
        UUID me = participants.idOf(caller);
        List<AssemblyHand> hands = hands(a.id, "h.status = 'WAITING'", "spoken, h.raised_at, h.id");
        List<AssemblyHand> last = hands(a.id, "h.status = 'GIVEN'", "h.settled_at desc, h.id limit 1");
        List<AssemblyPerson> present = present(a.id);
        long proxyCount = ((Number) em.createNativeQuery("select count(*) from assembly_proxy where assembly_id = ?1")
                .setParameter(1, a.id).getSingleResult()).longValue();
        AssemblyLive state = new AssemblyLive().assemblyId(a.id).status(AssemblyStatus.fromValue(a.status.name()))
                .now(offset(clock.instant())).startedAt(offset(a.startedAt)).currentItemId(a.currentItemId)
                .items(items(caller, agenda.of(a.id))).hands(hands).currentSpeaker(last.isEmpty() ? null : last.get(0))
                .present(present).proxyCount((int) proxyCount)
                .myHand(hands.stream().filter(h -> h.getMember().getId().equals(me)).findFirst().orElse(null))
                .mePresent(present.stream().anyMatch(p -> p.getId().equals(me)))
                .canFacilitate(assemblies.mayFacilitate(caller, a));
        return new Live(a.liveVersion, state);
    }

    /** The minutes: every member once the assembly is closed; before, its facilitator and admins only. */
    public AssemblyMinutes minutes(Caller caller, UUID assemblyId) {
        Assembly a = assemblies.find(assemblyId);
        if (a.status != Assembly.Status.CLOSED && !assemblies.mayFacilitate(caller, a)) {
            throw ProblemException.notFound("Le compte rendu de cette assemblée n'est pas encore publié.");
        }
        return new AssemblyMinutes().assembly(assembly(caller, a)).present(present(a.id)).proxies(proxies(a.id))
                .items(items(caller, agenda.of(a.id)));
    }

    /** Up to 20 active members matching the search, with their presence and interventions here. */
    public List<AssemblyMember> members(UUID assemblyId, String search) {
        assemblies.find(assemblyId);
        String like = "%" + search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<Object[]> rows = SqlValues.rows(em.createNativeQuery("""
                select m.id, m.first_name, m.last_name, m.member_number,
                       exists (select 1 from assembly_attendance t where t.assembly_id = ?1 and t.member_id = m.id),
                       (select count(*) from assembly_hand h where h.assembly_id = ?1 and h.member_id = m.id and h.status = 'GIVEN')
                from member m
                where m.status = 'ACTIVE' and m.erased_at is null
                  and (search_text(m.first_name || ' ' || m.last_name) like search_text(?2)
                       or search_text(m.last_name || ' ' || m.first_name) like search_text(?2)
                       or lower(m.member_number) like lower(?2))
                order by m.last_name, m.first_name, m.id limit 20""").setParameter(1, assemblyId).setParameter(2, like)
                .getResultList());
        return rows.stream().map(r -> new AssemblyMember().id((UUID) r[0]).firstName((String) r[1]).lastName((String) r[2])
                .memberNumber((String) r[3]).present((Boolean) r[4]).interventions(SqlValues.integer(r[5]))).toList();
    }

    /** Hands of the assembly with how many times their person has had the floor here (`spoken`). */
    private List<AssemblyHand> hands(UUID assemblyId, String where, String order) {
        List<Object[]> rows = SqlValues.rows(em.createNativeQuery("""
                select h.id, h.member_id, m.first_name, m.last_name, h.raised_at,
                       (select count(*) from assembly_hand g where g.assembly_id = h.assembly_id
                          and g.member_id = h.member_id and g.status = 'GIVEN') as spoken
                from assembly_hand h join member m on m.id = h.member_id
                where h.assembly_id = ?1""" + " and " + where + " order by " + order).setParameter(1, assemblyId).getResultList());
        return rows.stream().map(r -> new AssemblyHand().id((UUID) r[0])
                .member(new AssemblyPerson().id((UUID) r[1]).firstName((String) r[2]).lastName((String) r[3]))
                .raisedAt(offset(SqlValues.instant(r[4]))).interventions(SqlValues.integer(r[5]))).toList();
    }

    private List<AssemblyPerson> present(UUID assemblyId) {
        List<Object[]> rows = SqlValues.rows(em.createNativeQuery("""
                select m.id, m.first_name, m.last_name from assembly_attendance t join member m on m.id = t.member_id
                where t.assembly_id = ?1 order by m.last_name, m.first_name, m.id""").setParameter(1, assemblyId)
                .getResultList());
        return rows.stream().map(r -> new AssemblyPerson().id((UUID) r[0]).firstName((String) r[1]).lastName((String) r[2]))
                .toList();
    }

    private Map<UUID, AssemblyPerson> people(Collection<UUID> ids) {
        Map<UUID, AssemblyPerson> named = new HashMap<>();
        if (ids.isEmpty()) {
            return named;
        }
        List<Object[]> rows = SqlValues.rows(em.createNativeQuery("select id, first_name, last_name from member where id in (?1)")
                .setParameter(1, new HashSet<>(ids)).getResultList());
        rows.forEach(r -> named.put((UUID) r[0], new AssemblyPerson().id((UUID) r[0]).firstName((String) r[1])
                .lastName((String) r[2])));
        return named;
    }

    private OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atZone(clock.getZone()).toOffsetDateTime();
    }
}

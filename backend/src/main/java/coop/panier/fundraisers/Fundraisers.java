package coop.panier.fundraisers;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import coop.panier.common.Caller;
import coop.panier.common.Cursor;
import coop.panier.common.ProblemException;
import coop.panier.common.SqlValues;
import coop.panier.members.Member;
import coop.panier.members.MemberRepository;
import coop.panier.members.Standing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Fundraisers: opened by members in good standing, read by all with their progress. */
@ApplicationScoped
@Transactional
public class Fundraisers {

    @Inject
    EntityManager em;

    @Inject
    MemberRepository members;

    @Inject
    Standing standing;

    @Inject
    Pledges pledges;

    @Inject
    FundraiserEvents events;

    @Inject
    Clock clock;

    public record Definition(String title, String description, long goalCents, Instant deadline) {
    }

    public record Person(UUID memberId, String firstName, String lastName) {
    }

    /** A fundraiser as the caller reads it now: its state, its progress and their own pledge (null without one). */
    public record View(Fundraiser fundraiser, Fundraiser.Status status, Person openedBy, Pledges.Totals totals,
            Pledges.Pledge mine) {

        /** How much of the goal is pledged, in whole percent, at most 100. */
        public int percent() {
            return (int) Math.min(100, totals.pledgedCents() * 100 / fundraiser.goalCents);
        }
    }

    public Fundraiser open(Caller caller, Definition d) {
        Member member = members.findBySubject(caller.subject()).orElseThrow(Standing.Reason.PENDING::problem);
        standing.require(member, Standing.Need.ORDER);
        Instant now = clock.instant();
        if (!d.deadline().isAfter(now)) {
            throw ProblemException.invalidField("deadline", "doit être dans le futur");
        }
        if (d.deadline().isAfter(ZonedDateTime.ofInstant(now, clock.getZone()).plusYears(2).toInstant())) {
            throw ProblemException.invalidField("deadline", "au plus deux ans après aujourd'hui");
        }
        Fundraiser fundraiser = new Fundraiser();
        fundraiser.id = UUID.randomUUID();
        fundraiser.title = d.title().strip();
        fundraiser.description = d.description().strip();
        fundraiser.goalCents = d.goalCents();
        fundraiser.deadline = d.deadline();
        fundraiser.openedBy = member.id;
        fundraiser.openedAt = now;
        em.persist(fundraiser);
        em.flush();
        events.opened(fundraiser, member.id);
        return fundraiser;
    }

    /** The fundraisers, the most recently opened first; `status` as read now. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Cursor.Slice<View> page(Caller caller, Fundraiser.Status status, Integer limit, String cursor) {
        record After(Instant openedAt, UUID id) {
        }
        After after = Cursor.read(cursor, 2, key -> new After(Instant.parse(key.get(0)), UUID.fromString(key.get(1))));
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (status != null) {
            where.append(switch (status) {
                case OPEN -> " and f.status = :open and f.deadline > :now";
                case REACHED -> " and f.status = :reached";
                case MISSED -> " and (f.status = :missed or (f.status = :open and f.deadline <= :now))";
            });
            if (status != Fundraiser.Status.REACHED) {
                params.put("open", Fundraiser.Status.OPEN);
                params.put("now", clock.instant());
            }
            params.put(status.name().toLowerCase(), status);
        }
        if (after != null) {
            where.append(" and (f.openedAt < :afterOpened or (f.openedAt = :afterOpened and f.id < :afterId))");
            params.put("afterOpened", after.openedAt());
            params.put("afterId", after.id());
        }
        int size = Cursor.limit(limit);
        var query = em.createQuery("from Fundraiser f where " + where + " order by f.openedAt desc, f.id desc",
                Fundraiser.class).setMaxResults(size + 1);
        params.forEach(query::setParameter);
        List<View> views = views(query.getResultList(), members.idOf(caller));
        return Cursor.slice(views, size,
                v -> new String[] { v.fundraiser().openedAt.toString(), v.fundraiser().id.toString() });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public View get(Caller caller, UUID id) {
        Fundraiser fundraiser = em.find(Fundraiser.class, id);
        if (fundraiser == null) {
            throw notFound();
        }
        return view(fundraiser, members.idOf(caller));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public View view(Fundraiser fundraiser, UUID me) {
        return views(List.of(fundraiser), me).get(0);
    }

    /** The progress, the openers and the caller's own pledges of the fundraisers, in three queries. */
    private List<View> views(List<Fundraiser> fundraisers, UUID me) {
        if (fundraisers.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = fundraisers.stream().map(f -> f.id).toList();
        Map<UUID, Pledges.Totals> totals = new HashMap<>();
        SqlValues.rows(em.createNativeQuery("select fundraiser_id, sum(amount_cents), count(*) from fundraiser_pledge"
                + " where fundraiser_id in (?1) and status in " + Pledges.STANDING + " group by fundraiser_id", Object[].class)
                .setParameter(1, ids).getResultList())
                .forEach(r -> totals.put((UUID) r[0], new Pledges.Totals(((Number) r[1]).longValue(), SqlValues.integer(r[2]))));
        Map<UUID, Person> openers = new HashMap<>();
        SqlValues.rows(em.createNativeQuery("select id, first_name, last_name from member where id in (?1)", Object[].class)
                .setParameter(1, fundraisers.stream().map(f -> f.openedBy).distinct().toList()).getResultList())
                .forEach(r -> openers.put((UUID) r[0], new Person((UUID) r[0], (String) r[1], (String) r[2])));
        Map<UUID, Pledges.Pledge> mine = new HashMap<>();
        if (me != null) {
            SqlValues.rows(em.createNativeQuery("select fundraiser_id, id, amount_cents, anonymous, status, pledged_at"
                    + " from fundraiser_pledge where member_id = ?1 and fundraiser_id in (?2) and status in "
                    + Pledges.STANDING, Object[].class).setParameter(1, me).setParameter(2, ids).getResultList())
                    .forEach(r -> mine.put((UUID) r[0], new Pledges.Pledge((UUID) r[1], me, null, null,
                            ((Number) r[2]).longValue(), (Boolean) r[3], (String) r[4], SqlValues.instant(r[5]))));
        }
        Instant now = clock.instant();
        return fundraisers.stream().map(f -> new View(f, f.statusAt(now), openers.get(f.openedBy),
                totals.getOrDefault(f.id, new Pledges.Totals(0, 0)), mine.get(f.id))).toList();
    }

    static ProblemException notFound() {
        return ProblemException.notFound("Aucune cagnotte ne porte cet identifiant.");
    }
}

package coop.panier.fundraisers;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import coop.panier.common.Caller;
import coop.panier.common.Cursor;
import coop.panier.common.ProblemException;
import coop.panier.common.SqlValues;
import coop.panier.integrations.EventType;
import coop.panier.members.Member;
import coop.panier.members.MemberRepository;
import coop.panier.members.Standing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Members' pledges. Making, changing and withdrawing one run under the fundraiser's row lock, so
 * the pledges of one fundraiser are counted one transaction at a time: the pledge that reaches
 * the goal makes every pledge due and charges each once, and the unique index on the ledger's
 * `pledge_id` (V39) refuses a second charge whatever slips through.
 */
@ApplicationScoped
@Transactional
public class Pledges {

    static final String REACHED = "fundraiser-reached";
    static final String CLOSED = "fundraiser-closed";

    /** The pledges that stand: promised, due, or released by a missed goal (not the changed or withdrawn ones). */
    static final String STANDING = "('PROMISED', 'DUE', 'RELEASED')";

    @Inject
    EntityManager em;

    @Inject
    MemberRepository members;

    @Inject
    Standing standing;

    @Inject
    FundraiserEvents events;

    @Inject
    Clock clock;

    /** A pledge as stored; `status` is the stored one (PROMISED even when the deadline passed). */
    public record Pledge(UUID id, UUID memberId, String firstName, String lastName, long amountCents, boolean anonymous,
            String status, Instant pledgedAt) {
    }

    public record Totals(long pledgedCents, int pledgers) {
    }

    /** The caller's pledge set, and whether it was made rather than changed or repeated. */
    public record Outcome(Fundraiser fundraiser, boolean made) {
    }

    /**
     * Sets the member's pledge: makes it, or changes it (the former one stays, CHANGED). Repeating
     * the pledge that stands changes nothing, whatever the fundraiser's state, so a retry is safe.
     */
    public Outcome pledge(Caller caller, UUID fundraiserId, long amountCents, boolean anonymous) {
        Member member = members.findBySubject(caller.subject()).orElseThrow(Standing.Reason.PENDING::problem);
        standing.require(member, Standing.Need.ORDER);
        if (member.householdId == null) {
            throw ProblemException.conflict("Votre compte n'est rattaché à aucun foyer : adhérez d'abord (page « Adhésion »),"
                    + " votre promesse sera portée au compte de votre foyer.");
        }
        Fundraiser fundraiser = lock(fundraiserId);
        Pledge current = standingPledge(fundraiserId, member.id);
        if (current != null && current.amountCents() == amountCents && current.anonymous() == anonymous) {
            return new Outcome(fundraiser, false);
        }
        Instant now = clock.instant();
        requireOpen(fundraiser, now);
        UUID id = UUID.randomUUID();
        if (current != null) {
            end(current.id(), "CHANGED", now);
        }
        em.createNativeQuery("insert into fundraiser_pledge (id, fundraiser_id, member_id, household_id, amount_cents,"
                + " anonymous, pledged_at, replaces) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, cast(nullif(?8, '') as uuid))")
                .setParameter(1, id).setParameter(2, fundraiser.id).setParameter(3, member.id)
                .setParameter(4, member.householdId).setParameter(5, amountCents).setParameter(6, anonymous)
                .setParameter(7, now).setParameter(8, current == null ? "" : current.id().toString()).executeUpdate();
        Totals totals = totals(fundraiser.id);
        if (totals.pledgedCents() >= fundraiser.goalCents) {
            reach(fundraiser, totals, now);
        }
        return new Outcome(fundraiser, current == null);
    }

    /** The member takes their promise back, while the fundraiser is open; it stays in the history, WITHDRAWN. */
    public void withdraw(Caller caller, UUID fundraiserId) {
        UUID me = members.idOf(caller);
        Fundraiser fundraiser = lock(fundraiserId);
        Pledge current = me == null ? null : standingPledge(fundraiserId, me);
        if (current == null) {
            throw ProblemException.notFound("Vous n'avez pas fait de promesse pour cette cagnotte.");
        }
        Instant now = clock.instant();
        requireOpen(fundraiser, now);
        end(current.id(), "WITHDRAWN", now);
    }

    /**
     * Every promise becomes due and is charged once to its household: one ledger entry per
     * pledge, in the transaction of the pledge that met the goal.
     */
    private void reach(Fundraiser fundraiser, Totals totals, Instant now) {
        fundraiser.status = Fundraiser.Status.REACHED;
        fundraiser.reachedAt = now;
        em.flush();
        em.createNativeQuery("update fundraiser_pledge set status = 'DUE' where fundraiser_id = ?1 and status = 'PROMISED'")
                .setParameter(1, fundraiser.id).executeUpdate();
        em.createNativeQuery("""
                insert into ledger_entry (id, household_id, kind, amount_cents, occurred_on, reference, pledge_id)
                select gen_random_uuid(), p.household_id, 'FUNDRAISER_PLEDGE', p.amount_cents, ?2, ?3, p.id
                from fundraiser_pledge p where p.fundraiser_id = ?1 and p.status = 'DUE'
                order by p.pledged_at, p.id""")
                .setParameter(1, fundraiser.id).setParameter(2, LocalDate.now(clock))
                .setParameter(3, "Cagnotte « " + fundraiser.title + " »").executeUpdate();
        events.closed(EventType.FUNDRAISER_REACHED, fundraiser, totals);
    }

    /**
     * A missed fundraiser: its promises are released, nothing is charged. Called by the closing
     * job, under the fundraiser's row lock.
     */
    void release(Fundraiser fundraiser, Instant now) {
        fundraiser.status = Fundraiser.Status.MISSED;
        fundraiser.missedAt = now;
        em.flush();
        em.createNativeQuery("update fundraiser_pledge set status = 'RELEASED', ended_at = ?2"
                + " where fundraiser_id = ?1 and status = 'PROMISED'")
                .setParameter(1, fundraiser.id).setParameter(2, now).executeUpdate();
        events.closed(EventType.FUNDRAISER_MISSED, fundraiser, totals(fundraiser.id));
    }

    private void requireOpen(Fundraiser fundraiser, Instant now) {
        switch (fundraiser.statusAt(now)) {
            case REACHED -> throw new ProblemException(409, REACHED, "Objectif atteint",
                    "La cagnotte « " + fundraiser.title + " » a atteint son objectif : les promesses sont dues et portées"
                            + " aux comptes des foyers ; on ne peut plus promettre, ni changer ou retirer sa promesse.",
                    List.of());
            case MISSED -> throw new ProblemException(409, CLOSED, "Cagnotte close",
                    "La cagnotte « " + fundraiser.title + " » est close : sa date limite est passée sans atteindre"
                            + " l'objectif, les promesses sont libérées et rien n'est débité.",
                    List.of());
            case OPEN -> {
            }
        }
    }

    private void end(UUID pledgeId, String status, Instant now) {
        em.createNativeQuery("update fundraiser_pledge set status = ?2, ended_at = ?3 where id = ?1")
                .setParameter(1, pledgeId).setParameter(2, status).setParameter(3, now).executeUpdate();
    }

    Fundraiser lock(UUID id) {
        Fundraiser fundraiser = em.find(Fundraiser.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (fundraiser == null) {
            throw Fundraisers.notFound();
        }
        return fundraiser;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    Totals totals(UUID fundraiserId) {
        Object[] row = (Object[]) em.createNativeQuery("select coalesce(sum(amount_cents), 0), count(*)"
                + " from fundraiser_pledge where fundraiser_id = ?1 and status in " + STANDING, Object[].class)
                .setParameter(1, fundraiserId).getSingleResult();
        return new Totals(((Number) row[0]).longValue(), SqlValues.integer(row[1]));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    Pledge standingPledge(UUID fundraiserId, UUID memberId) {
        List<Pledge> found = pledges("p.fundraiser_id = ?1 and p.member_id = ?2", fundraiserId, memberId, 1);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The pledges that stand, in the order they were made, from after the cursor's. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Cursor.Slice<Pledge> page(UUID fundraiserId, Integer limit, String cursor) {
        record After(Instant pledgedAt, UUID id) {
        }
        After after = Cursor.read(cursor, 2, key -> new After(Instant.parse(key.get(0)), UUID.fromString(key.get(1))));
        if (em.find(Fundraiser.class, fundraiserId) == null) {
            throw Fundraisers.notFound();
        }
        int size = Cursor.limit(limit);
        List<Pledge> fetched = after == null
                ? pledges("p.fundraiser_id = ?1", fundraiserId, null, size + 1)
                : pledges("p.fundraiser_id = ?1 and (p.pledged_at, p.id) > (?3, ?4)", fundraiserId, null, size + 1,
                        after.pledgedAt(), after.id());
        return Cursor.slice(fetched, size, p -> new String[] { p.pledgedAt().toString(), p.id().toString() });
    }

    private List<Pledge> pledges(String where, UUID fundraiserId, UUID memberId, int limit, Object... after) {
        var query = em.createNativeQuery("select p.id, p.member_id, m.first_name, m.last_name, p.amount_cents, p.anonymous,"
                + " p.status, p.pledged_at from fundraiser_pledge p join member m on m.id = p.member_id"
                + " where " + where + " and p.status in " + STANDING + " order by p.pledged_at, p.id limit " + limit,
                Object[].class).setParameter(1, fundraiserId);
        if (memberId != null) {
            query.setParameter(2, memberId);
        }
        for (int i = 0; i < after.length; i++) {
            query.setParameter(3 + i, after[i]);
        }
        return SqlValues.rows(query.getResultList()).stream().map(r -> new Pledge((UUID) r[0], (UUID) r[1], (String) r[2],
                (String) r[3], ((Number) r[4]).longValue(), (Boolean) r[5], (String) r[6], SqlValues.instant(r[7])))
                .toList();
    }
}

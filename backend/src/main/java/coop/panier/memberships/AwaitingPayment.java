package coop.panier.memberships;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import coop.panier.common.Few;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * For the admins' dashboard: the memberships awaiting payment, as `MembershipService` tells a
 * membership's status (not expired, and its ledger entries leave something to pay).
 */
@ApplicationScoped
public class AwaitingPayment {

    public record Waiting(UUID membershipId, UUID householdId, String householdName, LocalDate periodStart,
            long leftToPayCents, Instant createdAt) {
    }

    private static final String WAITING = """
            select m.id, m.household_id, h.name, cast(m.period_start as text), due.balance, m.created_at,
                   count(*) over ()
            from membership m
            join household h on h.id = m.household_id
            join lateral (select sum(e.amount_cents) as balance from ledger_entry e
                          where e.membership_id = m.id) due on true
            where m.period_end >= ?1 and due.balance > 0
            order by m.created_at, m.id
            limit ?2
            """;

    @Inject
    EntityManager em;

    /** How many, and the few that have waited longest. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Few<Waiting> on(LocalDate today, int few) {
        return Few.ask(em, WAITING, r -> new Waiting((UUID) r[0], (UUID) r[1], (String) r[2],
                LocalDate.parse((String) r[3]), ((Number) r[4]).longValue(), (Instant) r[5]), today, few);
    }
}

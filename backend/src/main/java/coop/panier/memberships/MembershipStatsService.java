package coop.panier.memberships;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import coop.panier.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** For the dashboard: households and money per bracket of the scale in force on a day. */
@ApplicationScoped
public class MembershipStatsService {

    @Inject
    MembershipScaleRepository scales;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    public record BracketFigures(Bracket bracket, long households, long dueCents, long collectedCents) {
    }

    public record Stats(MembershipScale scale, LocalDate asOf, List<BracketFigures> brackets) {
    }

    /** Collected: payments, and the corrections of payments, of the memberships running that day. */
    private static final String BY_BRACKET = """
            select m.bracket_code, count(distinct m.household_id),
                   sum(m.bracket_fee_cents + m.solidarity_cents), coalesce(sum(paid.collected), 0)
            from membership m
            left join (select e.membership_id, -sum(e.amount_cents) as collected
                       from ledger_entry e left join ledger_entry corrected on corrected.id = e.corrects_entry_id
                       where e.kind = 'PAYMENT' or (e.kind = 'CORRECTION' and corrected.kind = 'PAYMENT')
                       group by e.membership_id) paid on paid.membership_id = m.id
            where m.scale_id = :scale and :day between m.period_start and m.period_end
            group by m.bracket_code
            """;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Stats on(LocalDate asOf) {
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        MembershipScale scale = scales.inForceOn(day)
                .orElseThrow(() -> ProblemException.notFound("Aucun barème n'est en vigueur à cette date."));
        Map<String, Object[]> rows = new HashMap<>();
        for (Object row : em.createNativeQuery(BY_BRACKET).setParameter("scale", scale.id)
                .setParameter("day", day).getResultList()) {
            Object[] cells = (Object[]) row;
            rows.put((String) cells[0], cells);
        }
        List<BracketFigures> figures = scale.toBrackets().asList().stream().map(b -> {
            Object[] r = rows.get(b.code());
            return r == null ? new BracketFigures(b, 0, 0, 0)
                    : new BracketFigures(b, ((Number) r[1]).longValue(), ((Number) r[2]).longValue(),
                            ((Number) r[3]).longValue());
        }).toList();
        return new Stats(scale, day, figures);
    }
}

package coop.panier.members;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import coop.panier.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * A member's standing: whether they may do what they ask, and if not, why, in one sentence a
 * member understands. Every operation that depends on it asks here, so that a suspended or
 * departed member, or one whose membership lapsed, is refused the same way everywhere. Ordering
 * also asks volunteering/ ({@link VolunteerStanding}) whether the co-op's ordering gate holds the
 * household back for its volunteer hours.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Standing {

    /** What an operation needs of its member. */
    public enum Need {
        /** Ordering on the drive (placing or changing an order, waiting for a place): an active, paid membership. */
        ORDER,
        /** Joining, renewing, editing the household: a member the co-op has neither suspended nor seen leave. */
        BELONGING
    }

    /** Why a member is refused; each is one problem type. */
    public enum Reason {
        SUSPENDED("member-suspended", "Adhésion suspendue",
                "Votre adhésion est suspendue par la coopérative : vous ne pouvez ni commander, ni renouveler, ni modifier"
                        + " votre foyer. Contactez la coopérative pour en parler."),
        LEFT("member-left", "Adhérent parti",
                "Vous avez quitté la coopérative : ce compte ne peut plus commander ni adhérer. Pour revenir, contactez la"
                        + " coopérative."),
        PENDING("member-pending", "Adhésion pas encore réglée",
                "Votre adhésion n'est pas encore active : elle le sera dès que sa cotisation sera réglée. Vous pourrez"
                        + " alors commander."),
        LAPSED("membership-lapsed", "Adhésion expirée",
                "Votre adhésion est arrivée à échéance ou n'est pas réglée : renouvelez-la (page « Adhésion ») pour"
                        + " commander à nouveau."),
        /** The co-op's ordering gate is on and the household is suspended; the detail is its standing sentence. */
        VOLUNTEER_HOURS_BEHIND("volunteer-hours-behind", "Heures de bénévolat en retard",
                "Votre foyer est suspendu pour ses heures de bénévolat : la page « Mes heures » dit ce qui le remet à jour.");

        public final String type;
        public final String title;
        public final String detail;

        Reason(String type, String title, String detail) {
            this.type = type;
            this.title = title;
            this.detail = detail;
        }

        public ProblemException problem() {
            return problem(detail);
        }

        /** The same refusal, told in words computed for this member. */
        public ProblemException problem(String detail) {
            return new ProblemException(409, type, title, detail, List.of());
        }
    }

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Instance<VolunteerStanding> volunteering;

    /** A refusal: its reason, told in words for this member (the volunteer gate's are computed for their household). */
    public record Refusal(Reason reason, String detail) {

        public ProblemException problem() {
            return reason.problem(detail);
        }
    }

    /**
     * Why the member may not do what needs this, or empty when they may: their status, their
     * membership, and for ordering the co-op's volunteer-hours gate, so that whoever asks here,
     * to refuse or to tell the member, gets the same answer.
     */
    public Optional<Refusal> refusal(Member member, Need need) {
        Reason reason = switch (member.status) {
            case SUSPENDED -> Reason.SUSPENDED;
            case LEFT -> Reason.LEFT;
            case PENDING -> need == Need.ORDER ? Reason.PENDING : null;
            case ACTIVE -> need == Need.ORDER && !paidUp(member) ? Reason.LAPSED : null;
        };
        if (reason != null) {
            return Optional.of(new Refusal(reason, reason.detail));
        }
        if (need == Need.ORDER && member.householdId != null && volunteering.isResolvable()) {
            return volunteering.get().orderingRefusal(member.householdId)
                    .map(sentence -> new Refusal(Reason.VOLUNTEER_HOURS_BEHIND, sentence));
        }
        return Optional.empty();
    }

    /** Refuses with the reason's problem when the member may not. */
    public void require(Member member, Need need) {
        Optional<Refusal> refusal = refusal(member, need);
        if (refusal.isPresent()) {
            throw refusal.get().problem();
        }
    }

    /** Whether the household's membership covers today and is fully paid (or waived). */
    private boolean paidUp(Member member) {
        // Read from the tables, not through memberships/, which builds on members/ and not the reverse.
        return member.householdId != null && (Boolean) em.createNativeQuery("""
                select exists (select 1 from membership m where m.household_id = ?1
                    and m.period_start <= ?2 and m.period_end >= ?2
                    and coalesce((select sum(e.amount_cents) from ledger_entry e where e.membership_id = m.id), 0) <= 0)
                """).setParameter(1, member.householdId).setParameter(2, LocalDate.now(clock)).getSingleResult();
    }
}

package coop.panier.governance;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import coop.panier.common.Caller;
import coop.panier.common.ProblemException;
import coop.panier.members.Member;
import coop.panier.members.MemberRepository;
import coop.panier.members.MemberStatus;
import coop.panier.members.Standing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Who takes part in the co-op's decisions: the calling member, refused by the co-op's one
 * standing check (suspended, gone) or while their membership is not active yet; and who may
 * respond to a round: its group's active members, or every active member for the co-op's.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Participants {

    static final String MEMBERS_ONLY = "working-group-members-only";

    @Inject
    MemberRepository members;

    @Inject
    Standing standing;

    @Inject
    EntityManager em;

    /** The caller's member, whatever their standing (to read); a caller not yet a member is a 404 on what they ask. */
    Optional<Member> reader(Caller caller) {
        return members.findBySubject(caller.subject());
    }

    /** The caller's member, who may take part: active, neither suspended nor gone; else the standing's problem. */
    Member active(Caller caller) {
        Member member = members.findBySubject(caller.subject()).orElseThrow(Standing.Reason.PENDING::problem);
        standing.require(member, Standing.Need.BELONGING);
        if (member.status != MemberStatus.ACTIVE) {
            throw Standing.Reason.PENDING.problem("Votre adhésion n'est pas encore active : vous pourrez proposer et répondre"
                    + " aux propositions dès que sa cotisation sera réglée.");
        }
        return member;
    }

    /** Whether the member may take part now, without refusing. */
    boolean takesPart(Member member) {
        return member.status == MemberStatus.ACTIVE && standing.refusal(member, Standing.Need.BELONGING).isEmpty();
    }

    boolean inGroup(UUID groupId, UUID memberId) {
        return groupId == null || !em.createNativeQuery("select 1 from working_group_member where group_id = ?1 and member_id = ?2")
                .setParameter(1, groupId).setParameter(2, memberId).getResultList().isEmpty();
    }

    /** The member may respond to rounds of this group (null: the co-op); else a 403 of its own type. */
    void requireInGroup(UUID groupId, UUID memberId) {
        if (!inGroup(groupId, memberId)) {
            throw new ProblemException(403, MEMBERS_ONLY, "Réservé aux membres de la commission",
                    "Seuls les membres de cette commission y répondent et y écrivent : rejoignez-la d'abord"
                            + " (page « Commissions »).", List.of());
        }
    }

    /** Those who may respond to a round of this group (null: the co-op): its active members. */
    @SuppressWarnings("unchecked")
    List<UUID> eligible(UUID groupId) {
        return groupId == null
                ? em.createNativeQuery("select id from member where status = 'ACTIVE' and erased_at is null", UUID.class)
                        .getResultList()
                : em.createNativeQuery("select m.id from working_group_member g join member m on m.id = g.member_id"
                        + " where g.group_id = ?1 and m.status = 'ACTIVE' and m.erased_at is null", UUID.class)
                        .setParameter(1, groupId).getResultList();
    }

    int eligibleCount(UUID groupId) {
        return ((Number) (groupId == null
                ? em.createNativeQuery("select count(*) from member where status = 'ACTIVE' and erased_at is null")
                : em.createNativeQuery("select count(*) from working_group_member g join member m on m.id = g.member_id"
                        + " where g.group_id = ?1 and m.status = 'ACTIVE' and m.erased_at is null").setParameter(1, groupId))
                .getSingleResult()).intValue();
    }

    /** A member's name as other members see it. */
    String name(UUID memberId) {
        List<?> names = em.createNativeQuery("select first_name || ' ' || last_name from member where id = ?1")
                .setParameter(1, memberId).getResultList();
        return names.isEmpty() ? "" : (String) names.get(0);
    }
}

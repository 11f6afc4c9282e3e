package coop.panier.assemblies;

import java.util.List;
import java.util.UUID;

import coop.panier.common.Caller;
import coop.panier.members.Member;
import coop.panier.members.MemberRepository;
import coop.panier.members.MemberStatus;
import coop.panier.members.Standing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Who takes part: the calling member in good standing, and the active members others name. */
@ApplicationScoped
class Participants {

    @Inject
    MemberRepository members;

    @Inject
    Standing standing;

    /**
     * The caller, an active member in good standing (the co-op's one standing check); a member
     * whose membership is still pending is refused as `member-pending`, in words about assemblies.
     */
    Member inGoodStanding(Caller caller) {
        Member member = members.findBySubject(caller.subject()).orElseThrow(Standing.Reason.PENDING::problem);
        standing.require(member, Standing.Need.BELONGING);
        if (member.status != MemberStatus.ACTIVE) {
            throw Standing.Reason.PENDING.problem("Votre adhésion n'est pas encore active : vous pourrez proposer un point"
                    + " ou donner une procuration dès que sa cotisation sera réglée.");
        }
        return member;
    }

    UUID idOf(Caller caller) {
        return members.idOf(caller);
    }

    /** Whether the id names an active member, not erased. */
    static boolean active(EntityManager em, UUID memberId) {
        List<?> found = em.createNativeQuery("select 1 from member where id = ?1 and status = 'ACTIVE' and erased_at is null")
                .setParameter(1, memberId).getResultList();
        return !found.isEmpty();
    }
}

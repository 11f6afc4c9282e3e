package coop.panier.volunteering;

import java.util.UUID;

import coop.panier.common.Caller;
import coop.panier.common.ProblemException;
import coop.panier.members.Member;
import coop.panier.members.MemberRepository;
import coop.panier.members.Standing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The calling member as the hours need them: in their household, in good standing. */
@ApplicationScoped
class Members {

    @Inject
    MemberRepository members;

    @Inject
    Standing standing;

    /** The caller's member, who may do what needs this and belongs to a household; else a problem. */
    Member withHousehold(Caller caller, Standing.Need need) {
        Member member = members.findBySubject(caller.subject()).orElseThrow(Standing.Reason.PENDING::problem);
        standing.require(member, need);
        if (member.householdId == null) {
            throw noHousehold();
        }
        return member;
    }

    UUID idOf(Caller caller) {
        return members.idOf(caller);
    }

    UUID householdOf(Caller caller) {
        return members.householdOf(caller);
    }

    static ProblemException noHousehold() {
        return ProblemException.notFound("Votre compte n'est rattaché à aucun foyer : adhérez d'abord (page « Adhésion »),"
                + " vos heures seront alors comptées pour votre foyer.");
    }
}

package coop.panier.members;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import coop.panier.api.model.FieldError;
import coop.panier.common.Constraints;
import coop.panier.common.ETags;
import coop.panier.common.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class MemberService {

    private static final String READ_ONLY = "ne peut pas être modifié ici";

    @Inject
    MemberRepository members;

    @Inject
    Clock clock;

    /**
     * The caller's member, linked on their first call: by subject, else by verified e-mail
     * (a member the co-op registered beforehand), else a new PENDING member.
     */
    public Member current(Person person) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> findOrLink(person));
        } catch (PersistenceException e) {
            if (!Constraints.duplicate(e)) {
                // A timeout or a lost connection is not someone else's e-mail: let it be the 5xx it is.
                throw e;
            }
            // A concurrent first call linked the same person, or the e-mail belongs to someone else.
            return QuarkusTransaction.requiringNew().call(() -> members.findBySubject(person.subject()))
                    .orElseThrow(() -> ProblemException.conflict(
                            "L'adresse e-mail " + person.email() + " est déjà celle d'un autre adhérent."
                                    + " Contactez la coopérative pour relier votre compte."));
        }
    }

    @Transactional
    public Member updateProfile(Person person, String ifMatch, ProfileChange change) {
        Member member = members.findBySubject(person.subject())
                .orElseThrow(() -> ProblemException.notFound("Aucun adhérent n'est relié à ce compte."));
        ETags.requireCurrent(ifMatch, member.version);
        List<FieldError> errors = readOnlyChanges(member, change.readOnly());
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        member.phone = change.phone() == null || change.phone().isBlank() ? null : change.phone().strip();
        member.language = change.language();
        if (change.pickupReminder() != null) {
            member.pickupReminder = change.pickupReminder();
        }
        if (change.membershipReminder() != null) {
            member.membershipReminder = change.membershipReminder();
        }
        if (change.volunteerOffers() != null) {
            member.volunteerOffers = change.volunteerOffers();
        }
        if (change.proposalMails() != null) {
            member.proposalMails = change.proposalMails();
        }
        members.flush();
        return member;
    }

    private Member findOrLink(Person person) {
        return members.findBySubject(person.subject())
                .or(() -> person.emailVerified() ? members.findUnlinkedByEmail(person.email()) : java.util.Optional.empty())
                .map(member -> {
                    if (member.keycloakSubject == null) {
                        member.keycloakSubject = person.subject();
                    }
                    return member;
                })
                .orElseGet(() -> create(person));
    }

    private Member create(Person person) {
        Member member = new Member();
        member.id = UUID.randomUUID();
        member.memberNumber = members.nextMemberNumber();
        member.keycloakSubject = person.subject();
        member.firstName = person.firstName();
        member.lastName = person.lastName();
        member.email = person.email();
        member.status = MemberStatus.PENDING;
        member.joinedOn = LocalDate.now(clock);
        member.language = "fr";
        members.persistAndFlush(member);
        return member;
    }

    private static List<FieldError> readOnlyChanges(Member member, ProfileChange.ReadOnly sent) {
        List<FieldError> errors = new ArrayList<>();
        check(errors, "id", sent.id(), member.id);
        check(errors, "memberNumber", sent.memberNumber(), member.memberNumber);
        check(errors, "firstName", sent.firstName(), member.firstName);
        check(errors, "lastName", sent.lastName(), member.lastName);
        if (sent.email() != null && !sent.email().equalsIgnoreCase(member.email)) {
            errors.add(new FieldError().field("email").message(READ_ONLY));
        }
        check(errors, "status", sent.status(), member.status);
        check(errors, "joinedOn", sent.joinedOn(), member.joinedOn);
        check(errors, "householdId", sent.householdId(), member.householdId);
        return errors;
    }

    private static void check(List<FieldError> errors, String field, Object sent, Object current) {
        if (sent != null && !Objects.equals(sent, current)) {
            errors.add(new FieldError().field(field).message(READ_ONLY));
        }
    }
}

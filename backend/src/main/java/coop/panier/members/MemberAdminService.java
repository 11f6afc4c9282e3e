package coop.panier.members;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import coop.panier.integrations.EventType;
import coop.panier.integrations.Outbox;
import coop.panier.common.Caller;
import coop.panier.common.Cursor;
import coop.panier.common.ETags;
import coop.panier.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * What admins do with members: find, register, correct, change status (which also closes or
 * reopens their sign-in). Nobody is deleted; a departed member may be anonymised.
 */
@ApplicationScoped
@Transactional
public class MemberAdminService {

    @Inject
    Outbox outbox;

    @Inject
    MemberRepository members;

    @Inject
    SignInAccounts accounts;

    @Inject
    Clock clock;

    public record Details(String firstName, String lastName, String email, String phone) {
    }

    /** A status change and the member number of the admin who made it. */
    public record HistoryLine(StatusChange change, String changedBy) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Cursor.Slice<Member> page(String search, MemberStatus status, Integer limit, String cursor) {
        String after = Cursor.read(cursor, 1, key -> key.get(0));
        int size = Cursor.limit(limit);
        String q = search == null || search.isBlank() ? null : search.strip();
        return Cursor.slice(members.page(q, status, after, size + 1), size, m -> new String[] { m.memberNumber });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Member get(UUID id) {
        return members.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Aucun adhérent ne porte cet identifiant."));
    }

    public Member create(Details details) {
        Member member = new Member();
        member.id = UUID.randomUUID();
        requireFreeEmail(details.email(), member.id);
        member.memberNumber = members.nextMemberNumber();
        member.status = MemberStatus.PENDING;
        member.joinedOn = LocalDate.now(clock);
        member.language = "fr";
        apply(member, details);
        members.persistAndFlush(member);
        return member;
    }

    public Member update(UUID id, String ifMatch, Details details) {
        Member member = notErased(get(id));
        ETags.requireCurrent(ifMatch, member.version);
        requireFreeEmail(details.email(), id);
        apply(member, details);
        members.flush();
        return member;
    }

    public Member changeStatus(Caller caller, UUID id, String ifMatch, MemberStatus next, String reason) {
        Member member = notErased(get(id));
        ETags.requireCurrent(ifMatch, member.version);
        if (!member.status.mayBecome(next)) {
            throw ProblemException.conflict("Un adhérent « " + member.status.french() + " » ne peut pas passer à « "
                    + next.french() + " ».");
        }
        StatusChange change = new StatusChange();
        change.id = UUID.randomUUID();
        change.memberId = member.id;
        change.from = member.status;
        change.to = next;
        change.reason = reason.strip();
        change.changedBy = members.idOf(caller);
        change.persist();
        MemberStatus before = member.status;
        member.status = next;
        members.flush();
        // The reason stays in the status history, which erasure can rewrite; events cannot be.
        outbox.record(EventType.MEMBER_STATUS_CHANGED, member.id, Map.of("memberId", member.id,
                "memberNumber", member.memberNumber, "from", before.name(), "to", next.name()));
        if (next == MemberStatus.SUSPENDED || next == MemberStatus.LEFT) {
            accounts.allowSignIn(member.keycloakSubject, false);
        } else if (before == MemberStatus.SUSPENDED || before == MemberStatus.LEFT) {
            accounts.allowSignIn(member.keycloakSubject, true);
        }
        return member;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<HistoryLine> history(UUID id) {
        get(id);
        List<StatusChange> changes = StatusChange.list("memberId = ?1 order by seq desc", id);
        return changes.stream().map(c -> new HistoryLine(c, c.changedBy == null ? null
                : members.findByIdOptional(c.changedBy).map(m -> m.memberNumber).orElse(null))).toList();
    }

    /** An anonymised member stays so: someone coming back is registered anew. */
    private static Member notErased(Member member) {
        if (member.erasedAt != null) {
            throw ProblemException.conflict("L'adhérent " + member.memberNumber + " a été anonymisé : il ne change plus."
                    + " Une personne qui revient est inscrite comme nouvel adhérent.");
        }
        return member;
    }

    private void requireFreeEmail(String email, UUID except) {
        if (members.emailTakenByAnother(email.strip(), except)) {
            throw ProblemException.conflict("L'adresse e-mail " + email.strip() + " est déjà celle d'un autre adhérent.");
        }
    }

    private static void apply(Member member, Details details) {
        member.firstName = details.firstName().strip();
        member.lastName = details.lastName() == null ? "" : details.lastName().strip();
        member.email = details.email().strip();
        member.phone = details.phone() == null || details.phone().isBlank() ? null : details.phone().strip();
    }
}

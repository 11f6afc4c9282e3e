package coop.panier.volunteering;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import coop.panier.common.Caller;
import coop.panier.common.ProblemException;
import coop.panier.common.Constraints;
import coop.panier.common.RequestDigest;
import coop.panier.common.SqlValues;
import coop.panier.members.Member;
import coop.panier.members.MemberRepository;
import coop.panier.members.MemberStatus;
import coop.panier.members.Standing;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

/**
 * Solidarity between households: a member gives minutes of their household's surplus to another
 * household. Both households' standing rows are locked (in one order) before the surplus is
 * read, so two gifts at once cannot spend the same surplus; the ledger records the gift on both
 * sides, this month.
 */
@ApplicationScoped
public class GiftService {

    static final String NO_SURPLUS = "no-hours-surplus";

    public record Gift(UUID id, UUID fromHouseholdId, String toMemberNumber, int minutes, LocalDate givenOn, String note) {
    }

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Members members;

    @Inject
    MemberRepository memberRepository;

    @Inject
    HoursAccounts accounts;

    @Inject
    HoursLedger ledger;

    @Inject
    HouseholdStandings standings;

    public Gift give(Caller caller, String toMemberNumber, int minutes, String note, String idempotencyKey) {
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        String hash = RequestDigest.of(toMemberNumber + "|" + minutes + "|" + cleanNote);
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Member giver = members.withHousehold(caller, Standing.Need.BELONGING);
                if (idempotencyKey != null) {
                    List<Gift> earlier = byKey(giver.id, idempotencyKey, hash);
                    if (!earlier.isEmpty()) {
                        return earlier.get(0);
                    }
                }
                Member to = memberRepository.find("memberNumber", toMemberNumber).firstResultOptional()
                        .filter(m -> m.status != MemberStatus.LEFT && m.householdId != null)
                        .orElseThrow(() -> ProblemException.notFound("Aucun adhérent de la coopérative ne porte le numéro "
                                + toMemberNumber + " : vérifiez-le sur sa carte ou dans son compte."));
                if (to.householdId.equals(giver.householdId)) {
                    throw ProblemException.invalidField("toMemberNumber", "c'est un membre de votre propre foyer");
                }
                standings.lock(giver.householdId, to.householdId);
                HoursAccount account = accounts.of(giver.householdId);
                if (account.giftable() < minutes) {
                    throw noSurplus(account, minutes);
                }
                UUID id = UUID.randomUUID();
                LocalDate today = LocalDate.now(clock);
                em.createNativeQuery("""
                        insert into volunteer_gift (id, from_household, to_household, member_id, to_member, minutes, note,
                                                    given_on, given_at, idempotency_key, request_hash)
                        values (:id, :from, :to, :member, :toMember, :minutes, :note, :today, :now, :key, :hash)""")
                        .unwrap(org.hibernate.query.NativeQuery.class).setParameter("id", id)
                        .setParameter("from", giver.householdId).setParameter("to", to.householdId)
                        .setParameter("member", giver.id).setParameter("toMember", to.id)
                        .setParameter("minutes", minutes).setParameter("note", cleanNote, String.class)
                        .setParameter("today", today).setParameter("now", clock.instant())
                        .setParameter("key", idempotencyKey, String.class)
                        .setParameter("hash", idempotencyKey == null ? null : hash, String.class).executeUpdate();
                ledger.record(giver.householdId, HoursLedger.Kind.GIFT_GIVEN, -minutes, today,
                        HoursLedger.Source.gift(id, giver.id), giver.id);
                ledger.record(to.householdId, HoursLedger.Kind.GIFT_RECEIVED, minutes, today,
                        HoursLedger.Source.gift(id, giver.id), giver.id);
                standings.refresh(giver.householdId);
                standings.refresh(to.householdId);
                return new Gift(id, giver.householdId, to.memberNumber, minutes, today, cleanNote);
            });
        } catch (PersistenceException e) {
            if (idempotencyKey == null || !Constraints.violated(e, "volunteer_gift_idempotency")) {
                throw e;
            }
            // The same key arrived twice at once: the other request gave the hours.
            return QuarkusTransaction.requiringNew().call(() -> byKey(members.idOf(caller), idempotencyKey, hash).get(0));
        }
    }

    private List<Gift> byKey(UUID memberId, String key, String hash) {
        List<Object[]> rows = SqlValues.rows(em.createNativeQuery("""
                select g.id, g.from_household, m.member_number, g.minutes, g.given_on, g.note, g.request_hash
                from volunteer_gift g join member m on m.id = g.to_member
                where g.member_id = :member and g.idempotency_key = :key""", Object[].class)
                .setParameter("member", memberId).setParameter("key", key).getResultList());
        if (!rows.isEmpty() && !hash.equals(rows.get(0)[6])) {
            throw RequestDigest.reused("un autre don d'heures");
        }
        return rows.stream().map(r -> new Gift((UUID) r[0], (UUID) r[1], (String) r[2], SqlValues.integer(r[3]),
                SqlValues.date(r[4]), (String) r[5])).toList();
    }

    /** More than the household has to give: how much it has, or what it still owes this month. */
    private static ProblemException noSurplus(HoursAccount account, int minutes) {
        String detail;
        if (account.giftable() > 0) {
            detail = "Votre foyer a " + HoursTexts.minutes(account.giftable()) + " d'avance au-delà de ce qu'il doit"
                    + " jusqu'à la fin du mois : vous pouvez en donner au plus " + HoursTexts.minutes(account.giftable())
                    + ", pas " + HoursTexts.minutes(minutes) + ".";
        } else if (account.toDoThisMonth() > 0) {
            detail = "Votre foyer n'a pas d'heures d'avance à donner : il lui reste " + HoursTexts.minutes(account.toDoThisMonth())
                    + " à faire d'ici le " + HoursTexts.day(account.today().withDayOfMonth(account.today().lengthOfMonth()))
                    + ".";
        } else {
            detail = "Votre foyer n'a pas d'heures d'avance à donner : ce qu'il a fait couvre tout juste ce qu'il doit"
                    + " jusqu'à la fin du mois.";
        }
        return new ProblemException(409, NO_SURPLUS, "Pas assez d'heures d'avance", detail, List.of());
    }
}

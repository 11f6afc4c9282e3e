package coop.panier.memberships;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import coop.panier.integrations.EventType;
import coop.panier.integrations.Outbox;
import coop.panier.common.Caller;
import coop.panier.common.Cursor;
import coop.panier.common.ProblemException;
import coop.panier.common.RequestDigest;
import coop.panier.members.Household;
import coop.panier.members.HouseholdRepository;
import coop.panier.members.Member;
import coop.panier.members.MemberRepository;
import coop.panier.members.MemberService;
import coop.panier.members.MemberStatus;
import coop.panier.members.Person;
import coop.panier.members.Standing;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

/** Joining and renewing, and what the household pays for it. */
@ApplicationScoped
public class MembershipService {

    static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

    @Inject
    MembershipRepository memberships;

    @Inject
    LedgerRepository ledger;

    @Inject
    MembershipScaleService scales;

    @Inject
    MembershipPeriods periods;

    @Inject
    MemberService memberService;

    @Inject
    MemberRepository members;

    @Inject
    HouseholdRepository households;

    @Inject
    Standing standing;

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    public enum Status {
        AWAITING_PAYMENT, ACTIVE, EXPIRED
    }

    /** A membership with what its ledger entries say of it. */
    public record View(Membership membership, String householdName, long balanceCents, Status status) {

        public LocalDate renewableFrom() {
            return membership.periodEnd.minusDays(MembershipPeriods.RENEWAL_OPENS_DAYS_BEFORE);
        }

        public long paidCents() {
            return membership.amountDueCents() - balanceCents;
        }

        public long leftToPayCents() {
            return Math.max(balanceCents, 0);
        }
    }

    public record Join(long monthlyIncomeCents, Integer adults, Integer children, long solidarityCents) {
    }

    public record Payment(long amountCents, LedgerEntry.Method method, LocalDate paidOn, String reference) {
    }

    /** The declared income is used for the bracket and goes no further: not stored, not logged. */
    public View join(Person person, Join join) {
        memberService.current(person);
        return QuarkusTransaction.requiringNew().call(() -> {
            Member member = members.findBySubject(person.subject()).orElseThrow();
            // A double click sends two joins at once: the second waits here, then finds the
            // membership the first made and is refused with a 409 instead of failing on it.
            members.getEntityManager().refresh(member, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            standing.require(member, Standing.Need.BELONGING);
            Household household = householdFor(member, join);
            LocalDate today = LocalDate.now(clock);
            MembershipPeriods.Period period = periods.startingOn(nextStart(household.id, today, true));
            // The scale of the new period, not today's: a renewal is priced on the day it starts.
            MembershipScale scale = scales.pricing(period);
            FeeQuote quote = FeeQuote.compute(scale.toBrackets(), household.consumptionUnits(),
                    join.monthlyIncomeCents());

            Membership membership = new Membership();
            membership.id = UUID.randomUUID();
            membership.householdId = household.id;
            membership.scaleId = scale.id;
            membership.bracketCode = quote.bracket().code();
            membership.bracketFeeCents = quote.feeCents();
            membership.solidarityCents = join.solidarityCents();
            membership.periodStart = period.start();
            membership.periodEnd = period.end();
            membership.declaredOn = today;
            memberships.persist(membership);
            charge(membership, LedgerEntry.Kind.FEE_DUE, membership.bracketFeeCents, member.id, today);
            charge(membership, LedgerEntry.Kind.SOLIDARITY, membership.solidarityCents, member.id, today);
            memberships.flush();
            View joined = view(membership);
            outbox.record(EventType.MEMBERSHIP_JOINED, membership.id, payload(joined));
            return joined;
        });
    }

    /**
     * The fee for a composition given, or else for the caller's household as it is known, with
     * the scale that joining or renewing now would use. While a membership runs and its renewal
     * is not open yet, the quote is what joining today would cost.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public MembershipScaleService.Quote quote(Caller caller, long monthlyIncomeCents, Integer adults, Integer children) {
        Household household = java.util.Optional.ofNullable(members.householdOf(caller))
                .map(id -> households.findById(id)).orElse(null);
        ConsumptionUnits units;
        if (adults != null) {
            units = ConsumptionUnits.of(adults, children);
        } else if (household != null) {
            units = household.consumptionUnits();
        } else {
            throw ProblemException.invalidField("household", "indiquez la composition de votre foyer");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate start = household == null ? today : nextStart(household.id, today, false);
        MembershipScale scale = scales.pricing(periods.startingOn(start));
        return MembershipScaleService.quote(scale, units, monthlyIncomeCents);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public View get(Caller caller, UUID id) {
        return view(visible(caller, id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Cursor.Slice<View> page(Caller caller, UUID householdId, Integer limit, String cursor) {
        UUID scope = householdId;
        if (!caller.seesAll()) {
            UUID own = members.householdOf(caller);
            if (own == null || (householdId != null && !householdId.equals(own))) {
                return new Cursor.Slice<>(List.of(), null);
            }
            scope = own;
        }
        record After(LocalDate start, UUID id) {
        }
        After after = Cursor.read(cursor, 2, key -> new After(LocalDate.parse(key.get(0)), UUID.fromString(key.get(1))));
        int size = Cursor.limit(limit);
        Cursor.Slice<Membership> slice = Cursor.slice(memberships.page(scope, after == null ? null : after.start(),
                after == null ? null : after.id(), size + 1), size,
                m -> new String[] { m.periodStart.toString(), m.id.toString() });
        return new Cursor.Slice<>(views(slice.items()), slice.nextCursor());
    }

    /**
     * Records a payment once per idempotency key: a retry gets the first entry back, another
     * request under the same key is refused.
     */
    public LedgerEntry pay(Caller caller, UUID membershipId, String idempotencyKey, Payment payment) {
        String hash = RequestDigest.of(membershipId + "|" + payment.amountCents() + "|" + payment.method() + "|"
                + payment.paidOn() + "|" + payment.reference());
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                if (idempotencyKey != null) {
                    var earlier = ledger.byIdempotencyKey(idempotencyKey);
                    if (earlier.isPresent()) {
                        return replay(earlier.get(), hash);
                    }
                }
                Membership membership = existing(membershipId);
                LedgerEntry entry = LedgerEntry.of(membership.householdId, membership.id, LedgerEntry.Kind.PAYMENT,
                        -payment.amountCents(), payment.paidOn());
                entry.method = payment.method();
                entry.reference = blankToNull(payment.reference());
                entry.recordedBy = members.idOf(caller);
                entry.idempotencyKey = idempotencyKey;
                entry.requestHash = idempotencyKey == null ? null : hash;
                ledger.persistAndFlush(entry);
                activateIfPaid(membership);
                View paid = view(membership);
                outbox.record(EventType.PAYMENT_RECORDED, membership.householdId, Map.of("entryId", entry.id,
                        "householdId", membership.householdId, "membershipId", membership.id,
                        "amountCents", payment.amountCents(), "currency", "EUR", "method", payment.method().name(),
                        "paidOn", payment.paidOn().toString()));
                if (paid.leftToPayCents() == 0 && paid.balanceCents() + payment.amountCents() > 0) {
                    outbox.record(EventType.MEMBERSHIP_PAID, membership.id, payload(paid));
                }
                return entry;
            });
        } catch (PersistenceException e) {
            if (idempotencyKey == null) {
                throw e;
            }
            // The same key arrived twice at once: the other request recorded it.
            return QuarkusTransaction.requiringNew().call(() -> replay(
                    ledger.byIdempotencyKey(idempotencyKey).orElseThrow(() -> e), hash));
        }
    }

    @Transactional
    public LedgerEntry waive(Caller caller, UUID membershipId, long amountCents, String reason) {
        Membership membership = existing(membershipId);
        long left = Math.max(ledger.balanceOfMembership(membership.id), 0);
        if (amountCents > left) {
            throw ProblemException.conflict("Il ne reste que " + euros(left) + " à payer sur cette adhésion.");
        }
        LedgerEntry entry = LedgerEntry.of(membership.householdId, membership.id, LedgerEntry.Kind.WAIVER,
                -amountCents, LocalDate.now(clock));
        entry.reason = reason.strip();
        entry.recordedBy = members.idOf(caller);
        ledger.persistAndFlush(entry);
        activateIfPaid(membership);
        return entry;
    }

    /** The payload of a membership's events (`MembershipEventPayload` in the contract). */
    static Map<String, Object> payload(View view) {
        Membership m = view.membership();
        return Map.of("membershipId", m.id, "householdId", m.householdId, "bracketCode", m.bracketCode,
                "amountDueCents", m.amountDueCents(), "leftToPayCents", view.leftToPayCents(), "currency", "EUR",
                "periodStart", m.periodStart.toString(), "periodEnd", m.periodEnd.toString());
    }

    /** Once a membership in its period is fully paid, the household's pending members are active. */
    void activateIfPaid(Membership membership) {
        LocalDate today = LocalDate.now(clock);
        boolean current = !today.isBefore(membership.periodStart) && !today.isAfter(membership.periodEnd);
        if (current && ledger.balanceOfMembership(membership.id) <= 0) {
            members.inHousehold(membership.householdId).stream()
                    .filter(m -> m.status == MemberStatus.PENDING)
                    .forEach(m -> m.status = MemberStatus.ACTIVE);
        }
    }

    View view(Membership membership) {
        return views(List.of(membership)).get(0);
    }

    /** The views of many memberships in two queries, whatever their number: balances, then household names. */
    private List<View> views(List<Membership> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        Map<UUID, Long> balances = ledger.balancesOfMemberships(list.stream().map(m -> m.id).toList());
        Map<UUID, String> names = households.namesOf(list.stream().map(m -> m.householdId).distinct().toList());
        LocalDate today = LocalDate.now(clock);
        return list.stream().map(m -> {
            long balance = balances.getOrDefault(m.id, 0L);
            Status status = today.isAfter(m.periodEnd) ? Status.EXPIRED
                    : balance <= 0 ? Status.ACTIVE : Status.AWAITING_PAYMENT;
            return new View(m, names.get(m.householdId), balance, status);
        }).toList();
    }

    private Household householdFor(Member member, Join join) {
        boolean composition = join.adults() != null;
        if (member.householdId == null) {
            if (!composition) {
                throw ProblemException.invalidField("household", "indiquez la composition de votre foyer");
            }
            Household household = new Household();
            household.id = UUID.randomUUID();
            household.name = "Foyer " + (member.lastName.isBlank() ? member.firstName : member.lastName);
            household.adults = join.adults();
            household.children = join.children();
            households.persist(household);
            member.householdId = household.id;
            return household;
        }
        Household household = households.findById(member.householdId);
        if (composition) {
            // Declared at joining or renewal: it counts from this membership on.
            household.adults = join.adults();
            household.children = join.children();
        }
        return household;
    }

    /**
     * Today, or the day after the current membership when renewing; renewal opens 60 days before.
     * Before it opens, a join is refused, or, when `refuseEarly` is false, today is answered.
     */
    private LocalDate nextStart(UUID householdId, LocalDate today, boolean refuseEarly) {
        var latest = memberships.latestOf(householdId);
        if (latest.isEmpty() || latest.get().periodEnd.isBefore(today)) {
            return today;
        }
        LocalDate end = latest.get().periodEnd;
        LocalDate opens = end.minusDays(MembershipPeriods.RENEWAL_OPENS_DAYS_BEFORE);
        if (today.isBefore(opens)) {
            if (!refuseEarly) {
                return today;
            }
            throw ProblemException.conflict("Votre adhésion court jusqu'au " + FRENCH_DATE.format(end)
                    + " ; vous pourrez la renouveler à partir du " + FRENCH_DATE.format(opens) + ".");
        }
        return end.plusDays(1);
    }

    private void charge(Membership membership, LedgerEntry.Kind kind, long cents, UUID by, LocalDate on) {
        if (cents > 0) {
            LedgerEntry entry = LedgerEntry.of(membership.householdId, membership.id, kind, cents, on);
            entry.recordedBy = by;
            ledger.persist(entry);
        }
    }

    private Membership visible(Caller caller, UUID id) {
        Membership membership = existing(id);
        if (!caller.seesAll()) {
            if (!membership.householdId.equals(members.householdOf(caller))) {
                throw notFound();
            }
        }
        return membership;
    }

    private Membership existing(UUID id) {
        return memberships.findByIdOptional(id).orElseThrow(MembershipService::notFound);
    }

    private static LedgerEntry replay(LedgerEntry earlier, String hash) {
        return RequestDigest.replay(earlier, earlier.requestHash, hash, "un autre paiement");
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("Aucune adhésion ne porte cet identifiant.");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String euros(long cents) {
        return String.format(Locale.FRENCH, "%d,%02d €", cents / 100, Math.abs(cents % 100));
    }

}

package coop.panier.members;

import java.util.List;
import java.util.UUID;

import coop.panier.common.Caller;
import coop.panier.common.Cursor;
import coop.panier.common.ETags;
import coop.panier.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Households and who is in them. An admin sees and changes every household; a member sees
 * their own only (any other is a 404) and may change its composition, not its name.
 */
@ApplicationScoped
@Transactional
public class HouseholdService {

    @Inject
    HouseholdRepository households;

    @Inject
    MemberRepository members;

    @Inject
    Standing standing;

    public record Composition(String name, int adults, int children) {
    }

    public record View(Household household, List<Member> members) {
    }

    public View create(Composition composition) {
        Household household = new Household();
        household.id = UUID.randomUUID();
        apply(household, composition);
        households.persistAndFlush(household);
        return view(household);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public View get(Caller caller, UUID id) {
        return view(visible(caller, id));
    }

    public View update(Caller caller, UUID id, String ifMatch, Composition change) {
        Household household = visible(caller, id);
        if (!caller.admin()) {
            standing.require(members.findBySubject(caller.subject()).orElseThrow(), Standing.Need.BELONGING);
        }
        ETags.requireCurrent(ifMatch, household.version);
        if (!caller.admin() && !household.name.equals(change.name().strip())) {
            throw ProblemException.invalidField("name", "seul un administrateur peut renommer le foyer");
        }
        apply(household, change);
        households.flush();
        return view(household);
    }

    public View attach(UUID householdId, UUID memberId) {
        Household household = existing(householdId);
        member(memberId).householdId = household.id;
        touch(household);
        return view(household);
    }

    public View detach(UUID householdId, UUID memberId) {
        Household household = existing(householdId);
        Member member = member(memberId);
        if (!household.id.equals(member.householdId)) {
            throw ProblemException.notFound("Cet adhérent ne fait pas partie de ce foyer.");
        }
        member.householdId = null;
        touch(household);
        return view(household);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Cursor.Slice<View> page(String search, Integer limit, String cursor) {
        record After(String name, UUID id) {
        }
        After after = Cursor.read(cursor, 2, key -> new After(key.get(0), UUID.fromString(key.get(1))));
        int size = Cursor.limit(limit);
        String q = search == null || search.isBlank() ? null : search.strip();
        Cursor.Slice<Household> slice = Cursor.slice(households.page(q, after == null ? null : after.name(),
                after == null ? null : after.id(), size + 1), size, h -> new String[] { h.name, h.id.toString() });
        // Who is in each household of the page: one query for them all.
        var people = members.inHouseholds(slice.items().stream().map(h -> h.id).toList());
        return new Cursor.Slice<>(slice.items().stream()
                .map(h -> new View(h, people.getOrDefault(h.id, List.of()))).toList(), slice.nextCursor());
    }

    /** The household if the caller may see it; a member asking for another's gets a 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Household visible(Caller caller, UUID id) {
        Household household = existing(id);
        if (caller.admin()) {
            return household;
        }
        if (!id.equals(members.householdOf(caller))) {
            throw notFound();
        }
        return household;
    }

    private Household existing(UUID id) {
        return households.findByIdOptional(id).orElseThrow(HouseholdService::notFound);
    }

    private Member member(UUID id) {
        return members.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Aucun adhérent ne porte cet identifiant."));
    }

    /** Who is in a household is part of its version: clients holding an old ETag must re-read. */
    private void touch(Household household) {
        households.getEntityManager().lock(household, jakarta.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        households.flush();
    }

    private static void apply(Household household, Composition composition) {
        household.name = composition.name().strip();
        household.adults = composition.adults();
        household.children = composition.children();
    }

    private View view(Household household) {
        return new View(household, members.inHousehold(household.id));
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("Aucun foyer ne porte cet identifiant.");
    }
}

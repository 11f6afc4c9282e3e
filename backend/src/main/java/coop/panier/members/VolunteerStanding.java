package coop.panier.members;

import java.util.Optional;
import java.util.UUID;

/**
 * The volunteering side of a member's standing, answered by volunteering/ (which builds on
 * members/, not the reverse): whether the household's volunteer hours keep it from ordering.
 */
public interface VolunteerStanding {

    /**
     * The sentence saying why the household may not order (the co-op turned its ordering gate
     * on and the household is suspended), or empty when it may.
     */
    Optional<String> orderingRefusal(UUID householdId);
}

package coop.panier.members;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A PUT on one's own profile. The editable fields replace the current ones; the read-only
 * ones are only there to be compared (null when the client did not send them). A reminder
 * choice not sent stays as it is.
 */
public record ProfileChange(String phone, String language, Boolean pickupReminder, Boolean membershipReminder,
        Boolean volunteerOffers, Boolean proposalMails, ReadOnly readOnly) {

    public record ReadOnly(UUID id, String memberNumber, String firstName, String lastName, String email,
            MemberStatus status, LocalDate joinedOn, UUID householdId) {
    }
}

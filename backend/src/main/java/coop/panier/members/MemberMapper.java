package coop.panier.members;

import coop.panier.api.model.Language;
import coop.panier.api.model.MemberInput;
import coop.panier.api.model.MemberProfileUpdate;
import coop.panier.api.model.Preferences;

/** Between the API's member representations and the entity. */
final class MemberMapper {

    private MemberMapper() {
    }

    static coop.panier.api.model.Member toApi(Member member) {
        return new coop.panier.api.model.Member()
                .id(member.id)
                .memberNumber(member.memberNumber)
                .firstName(member.firstName)
                .lastName(member.lastName)
                .email(member.email)
                .phone(member.phone)
                .status(coop.panier.api.model.MemberStatus.fromValue(member.status.name()))
                .joinedOn(member.joinedOn)
                .householdId(member.householdId)
                .preferences(new Preferences().language(Language.fromValue(member.language))
                        .pickupReminder(member.pickupReminder).membershipReminder(member.membershipReminder)
                        .volunteerOffers(member.volunteerOffers).proposalMails(member.proposalMails));
    }

    static MemberAdminService.Details details(MemberInput input) {
        return new MemberAdminService.Details(input.getFirstName(), input.getLastName(), input.getEmail(),
                input.getPhone());
    }

    static coop.panier.api.model.StatusChange toApi(MemberAdminService.HistoryLine line) {
        StatusChange change = line.change();
        return new coop.panier.api.model.StatusChange()
                .from(coop.panier.api.model.MemberStatus.fromValue(change.from.name()))
                .to(coop.panier.api.model.MemberStatus.fromValue(change.to.name()))
                .reason(change.reason)
                .changedAt(change.changedAt.atOffset(java.time.ZoneOffset.UTC))
                .changedBy(line.changedBy());
    }

    static ProfileChange toChange(MemberProfileUpdate update) {
        Preferences preferences = update.getPreferences();
        return new ProfileChange(update.getPhone(), preferences.getLanguage().toString(),
                preferences.getPickupReminder(), preferences.getMembershipReminder(), preferences.getVolunteerOffers(),
                preferences.getProposalMails(),
                new ProfileChange.ReadOnly(update.getId(), update.getMemberNumber(), update.getFirstName(),
                        update.getLastName(), update.getEmail(),
                        update.getStatus() == null ? null : MemberStatus.valueOf(update.getStatus().toString()),
                        update.getJoinedOn(), update.getHouseholdId()));
    }
}

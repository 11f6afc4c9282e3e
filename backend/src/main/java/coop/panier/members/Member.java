package coop.panier.members;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An adhérent. Identity (password, sign-in) lives in Keycloak; the link is the token's subject. */
@Entity
@Table(name = "member")
public class Member extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "member_number", nullable = false, updatable = false)
    public String memberNumber;

    /** The Keycloak user's `sub`; null until the person first signs in. */
    @Column(name = "keycloak_subject")
    public String keycloakSubject;

    @Column(name = "first_name", nullable = false)
    public String firstName;

    @Column(name = "last_name", nullable = false)
    public String lastName;

    @Column(nullable = false)
    public String email;

    public String phone;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MemberStatus status;

    @Column(name = "joined_on", nullable = false)
    public LocalDate joinedOn;

    @Column(nullable = false)
    public String language;

    /** Wants the mail the day before a pickup (Mon compte). */
    @Column(name = "pickup_reminder", nullable = false)
    public boolean pickupReminder = true;

    /** Wants the mail 30 days before the membership ends. */
    @Column(name = "membership_reminder", nullable = false)
    public boolean membershipReminder = true;

    /** Wants the co-op's calls for volunteers: seats offered to a stand-in, shifts short of people. */
    @Column(name = "volunteer_offers", nullable = false)
    public boolean volunteerOffers = true;

    /** Wants a mail for each new proposal they may respond to (governance). */
    @Column(name = "proposal_mails", nullable = false)
    public boolean proposalMails = true;

    @Column(name = "household_id")
    public UUID householdId;

    /** When the member, who had left, was anonymised (GDPR erasure); null otherwise. */
    @Column(name = "erased_at")
    public Instant erasedAt;

    @Version
    public long version;
}

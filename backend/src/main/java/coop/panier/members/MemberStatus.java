package coop.panier.members;

/** PENDING until the membership is paid; SUSPENDED by the co-op; LEFT members are kept as history. */
public enum MemberStatus {
    PENDING, ACTIVE, SUSPENDED, LEFT
}

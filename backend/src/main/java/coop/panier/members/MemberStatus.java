package coop.panier.members;

import java.util.Set;

/** PENDING until the membership is paid; SUSPENDED by the co-op; LEFT members are kept as history. */
public enum MemberStatus {
    PENDING, ACTIVE, SUSPENDED, LEFT;

    /** The changes an admin may make; a member who left may come back. */
    public boolean mayBecome(MemberStatus next) {
        Set<MemberStatus> allowed = switch (this) {
            case PENDING -> Set.of(ACTIVE, LEFT);
            case ACTIVE -> Set.of(SUSPENDED, LEFT);
            case SUSPENDED -> Set.of(ACTIVE, LEFT);
            case LEFT -> Set.of(ACTIVE);
        };
        return allowed.contains(next);
    }

    public String french() {
        return switch (this) {
            case PENDING -> "En attente d'adhésion";
            case ACTIVE -> "Active";
            case SUSPENDED -> "Suspendue";
            case LEFT -> "Partie";
        };
    }
}

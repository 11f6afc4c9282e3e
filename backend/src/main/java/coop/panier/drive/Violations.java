package coop.panier.drive;

import jakarta.persistence.PersistenceException;

import coop.panier.common.Constraints;
import coop.panier.common.ProblemException;

/** PostgreSQL's constraints are the last line of defence; what they refuse is told as a 409. */
final class Violations {

    private Violations() {
    }

    static boolean of(Throwable e, String constraint) {
        return Constraints.violated(e, constraint);
    }

    static RuntimeException translate(PersistenceException e) {
        if (of(e, "pickup_slot_capacity")) {
            return ProblemException.conflict("Ce créneau est complet. Vous pouvez rejoindre sa liste d'attente.");
        }
        if (of(e, "product_stock_on_hand_check") || of(e, "product_stock_available")) {
            return ProblemException.conflict("Le stock d'un des produits vient de s'épuiser ; relisez votre panier.");
        }
        if (of(e, "order_one_per_member_and_slot")) {
            return ProblemException.conflict("Vous avez déjà une commande pour ce créneau : modifiez-la plutôt.");
        }
        return e;
    }
}

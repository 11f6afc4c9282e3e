package coop.panier.memberships;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import coop.panier.api.model.FieldError;

/** The ordered brackets of a scale, checked once so that every income falls in exactly one. */
public final class Brackets {

    private final List<Bracket> ordered;

    private Brackets(List<Bracket> ordered) {
        this.ordered = List.copyOf(ordered);
    }

    /** The brackets as given, or the list of what is wrong with them, field by field. */
    public static Brackets validate(List<Bracket> brackets, List<FieldError> errors) {
        if (brackets.isEmpty()) {
            errors.add(error("brackets", "au moins une tranche est nécessaire"));
        }
        Set<String> codes = new HashSet<>();
        Long previous = null;
        for (int i = 0; i < brackets.size(); i++) {
            Bracket b = brackets.get(i);
            String at = "brackets[" + i + "]";
            if (!codes.add(b.code())) {
                errors.add(error(at + ".code", "code déjà utilisé par une autre tranche"));
            }
            if (b.feeCents() < 0) {
                errors.add(error(at + ".feeCents", "la cotisation ne peut pas être négative"));
            }
            boolean last = i == brackets.size() - 1;
            if (b.upperBoundCents() == null && !last) {
                errors.add(error(at + ".upperBoundCents", "seule la dernière tranche est sans plafond"));
            }
            if (b.upperBoundCents() != null && last) {
                errors.add(error(at + ".upperBoundCents", "la dernière tranche doit être sans plafond"));
            }
            if (b.upperBoundCents() != null) {
                if (b.upperBoundCents() <= 0) {
                    errors.add(error(at + ".upperBoundCents", "le plafond doit être positif"));
                } else if (previous != null && b.upperBoundCents() <= previous) {
                    errors.add(error(at + ".upperBoundCents",
                            "les plafonds doivent être strictement croissants"));
                }
                previous = b.upperBoundCents();
            }
        }
        return new Brackets(brackets);
    }

    public Bracket forIncomePerUnit(long incomePerUnitCents) {
        return ordered.stream().filter(b -> b.contains(incomePerUnitCents)).findFirst()
                .orElseThrow(() -> new IllegalStateException("a validated scale has an open-ended bracket"));
    }

    public List<Bracket> asList() {
        return ordered;
    }

    private static FieldError error(String field, String message) {
        return new FieldError().field(field).message(message);
    }

    /** Convenience for callers that only need the verdict. */
    public static List<FieldError> problemsOf(List<Bracket> brackets) {
        List<FieldError> errors = new ArrayList<>();
        validate(brackets, errors);
        return errors;
    }
}

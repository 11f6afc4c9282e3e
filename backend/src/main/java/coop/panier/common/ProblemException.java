package coop.panier.common;

import java.util.List;

import coop.panier.api.model.FieldError;
import coop.panier.api.model.Shortage;

/**
 * A refusal the API explains to its caller: it becomes an RFC 9457 problem document.
 * Services throw it; {@link ProblemMappers} turns it into the response.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;
    private final List<Shortage> shortages;

    public ProblemException(int status, String type, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.shortages = List.of();
    }

    private ProblemException(String detail, List<Shortage> shortages) {
        super(detail);
        this.status = 409;
        this.type = "insufficient-stock";
        this.title = "Stock insuffisant";
        this.errors = List.of();
        this.shortages = List.copyOf(shortages);
    }

    /** An order that cannot be served: each product short, and what is left of it. */
    public static ProblemException shortOf(String detail, List<Shortage> shortages) {
        return new ProblemException(detail, shortages);
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(400, "validation", "Requête invalide", "Certains champs sont invalides.", errors);
    }

    public static ProblemException invalidField(String field, String message) {
        return invalid(List.of(new FieldError().field(field).message(message)));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Introuvable", detail, List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflit", detail, List.of());
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Accès refusé", detail, List.of());
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public List<Shortage> shortages() {
        return shortages;
    }
}

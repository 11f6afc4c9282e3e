package coop.panier.common;

import java.util.List;

import jakarta.ws.rs.core.EntityTag;

/**
 * Optimistic locking over HTTP: reads carry the entity version as a strong ETag, writes must
 * send it back in If-Match. The check is explicit because Hibernate only compares versions
 * of entities it loaded itself, not a version copied in from a request.
 */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** Refuses the write unless If-Match names the current version (428 if absent, 412 if stale). */
    public static void requireCurrent(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "precondition-required", "En-tête If-Match manquant",
                    "Renvoyez l'ETag lu avec la ressource dans l'en-tête If-Match.", List.of());
        }
        String expected = of(currentVersion).toString();
        if (!ifMatch.strip().equals(expected) && !ifMatch.strip().equals("*")) {
            throw stale();
        }
    }

    /**
     * The version changed since it was read: by an earlier write, or by another write holding the
     * same ETag that committed first (then Hibernate's versioned update finds no row).
     */
    public static ProblemException stale() {
        return new ProblemException(412, "stale-version", "La ressource a changé entre-temps",
                "Elle a été modifiée depuis votre lecture ; relisez-la puis recommencez.", List.of());
    }
}

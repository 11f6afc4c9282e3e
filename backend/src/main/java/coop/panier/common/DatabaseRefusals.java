package coop.panier.common;

import java.sql.SQLException;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;

import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;

/**
 * What PostgreSQL or Hibernate refused, when no service turned it into a problem first: a write
 * that lost an optimistic-lock race is a 412, a duplicate a 409, a value the column cannot hold a
 * 400. The services check first; this is the last line, so that a refusal is never a 500.
 */
final class DatabaseRefusals {

    private static final Logger LOG = Logger.getLogger(DatabaseRefusals.class);

    private DatabaseRefusals() {
    }

    /** The problem for a refusal found in the causes, or null if it is a real error. */
    static Response problem(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return Problems.of(ETags.stale());
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                Response refusal = bySqlState(sql);
                if (refusal != null) {
                    LOG.warnf("PostgreSQL refused a write that no check caught before (%s): %s", sql.getSQLState(), sql.getMessage());
                    return refusal;
                }
            }
        }
        return null;
    }

    private static Response bySqlState(SQLException sql) {
        String state = sql.getSQLState();
        if (state.equals("23505")) {
            return Problems.of(ProblemException.conflict("Cela existe déjà : un autre enregistrement porte les mêmes valeurs."));
        }
        if (state.equals("23514") || state.equals("23P01") || state.equals("23503")) {
            return Problems.of(ProblemException.conflict("Cette modification contredit une règle de la coopérative ; rien n'a été enregistré."));
        }
        if (state.equals("40001") || state.equals("40P01")) {
            return Problems.of(ProblemException.conflict("Une autre modification est passée au même moment ; recommencez."));
        }
        if (state.startsWith("22")) {
            return Problems.of(ProblemException.invalidField("body", "une valeur dépasse ce que la coopérative peut enregistrer"));
        }
        return null;
    }
}

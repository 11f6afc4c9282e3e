package coop.panier.common;

/** Which of PostgreSQL's constraints refused a write, read from the exception's causes. */
public final class Constraints {

    private Constraints() {
    }

    /** Whether PostgreSQL refused the write for this constraint (or index, or trigger message). */
    public static boolean violated(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(constraint)) {
                return true;
            }
        }
        return false;
    }

    /** Whether PostgreSQL refused the write as a duplicate of a unique key (SQLSTATE 23505), whichever key. */
    public static boolean duplicate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}

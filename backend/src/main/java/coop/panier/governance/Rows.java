package coop.panier.governance;

import java.util.List;

/** The rows of a native query that selects several columns. */
final class Rows {

    private Rows() {
    }

    @SuppressWarnings("unchecked")
    static List<Object[]> of(List<?> rows) {
        return (List<Object[]>) rows;
    }
}

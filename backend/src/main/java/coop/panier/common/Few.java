package coop.panier.common;

import java.util.List;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * How many rows a question finds and the first few of them: what a card of the admins'
 * dashboard shows, the whole list being on the area's own screen.
 */
public record Few<T>(int count, List<T> items) {

    /** How many a card shows. */
    public static final int SHOWN = 3;

    /**
     * Runs a native query whose last column is `count(*) over ()`, its parameters bound in order
     * to ?1, ?2…: PostgreSQL counts every row found before the query's limit keeps the few, so
     * one query gives both.
     */
    public static <T> Few<T> ask(EntityManager em, String sql, Function<Object[], T> row, Object... parameters) {
        Query query = em.createNativeQuery(sql, Object[].class);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        int count = rows.isEmpty() ? 0 : ((Number) rows.get(0)[rows.get(0).length - 1]).intValue();
        return new Few<>(count, rows.stream().map(row).toList());
    }
}

package coop.panier.common;

import java.util.List;
import java.util.function.Function;

/**
 * How many rows a question finds and the first few of them: what a card of the admins'
 * dashboard shows, the whole list being on the area's own screen.
 */
public record Few<T>(int count, List<T> items) {

    /** How many a card shows. */
    public static final int SHOWN = 3;

    /**
     * From the rows of a native query whose last column is `count(*) over ()`: PostgreSQL counts
     * every row found before the limit keeps the few, so one query gives both.
     */
    public static <T> Few<T> of(List<Object[]> rows, Function<Object[], T> row) {
        int count = rows.isEmpty() ? 0 : ((Number) rows.get(0)[rows.get(0).length - 1]).intValue();
        return new Few<>(count, rows.stream().map(row).toList());
    }
}

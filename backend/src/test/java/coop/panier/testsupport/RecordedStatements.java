package coop.panier.testsupport;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

import org.hibernate.resource.jdbc.spi.StatementInspector;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The SQL Hibernate sent lately (the last 200 statements), so that a test can EXPLAIN the very
 * query a search runs: `RecordedStatements.clear()`, call the API, then `RecordedStatements.containing(…)`.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class RecordedStatements implements StatementInspector {

    private static final int KEPT = 200;
    private static final ConcurrentLinkedDeque<String> STATEMENTS = new ConcurrentLinkedDeque<>();

    @Override
    public String inspect(String sql) {
        STATEMENTS.addLast(sql);
        while (STATEMENTS.size() > KEPT) {
            STATEMENTS.pollFirst();
        }
        return sql;
    }

    public static void clear() {
        STATEMENTS.clear();
    }

    /** The statements recorded since the last clear that contain the text, oldest first. */
    public static List<String> containing(String text) {
        return STATEMENTS.stream().filter(s -> s.contains(text)).toList();
    }
}

package coop.panier.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/** What PostgreSQL knows of an index, and how it would run a query when it may not scan whole tables. */
public final class QueryPlans {

    private QueryPlans() {
    }

    /** The index's definition as pg_indexes gives it, or null when there is no such index. */
    public static String definition(DataSource dataSource, String index) throws SQLException {
        try (Connection c = dataSource.getConnection();
                var st = c.prepareStatement("select indexdef from pg_indexes where indexname = ?")) {
            st.setString(1, index);
            try (var rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /**
     * The plan of a search as Hibernate sent it, sequential scans off: its first parameter is the
     * text searched for, the others (offset, limit) are 50.
     */
    public static String planOfSearch(DataSource dataSource, String sql, String text) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        parameters.add(text);
        for (int i = 1; i < sql.chars().filter(ch -> ch == '?').count(); i++) {
            parameters.add(50);
        }
        return plan(dataSource, sql, parameters);
    }

    /** The plan of a query, sequential and plain index scans off, its parameters bound in order to the values given. */
    public static String plan(DataSource dataSource, String sql, List<Object> parameters) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                s.execute("set local enable_seqscan = off");
                // Nor a walk along another index for its order (with a LIMIT): only an index that
                // finds the rows, as a bitmap scan, is left to the planner.
                s.execute("set local enable_indexscan = off");
            }
            StringBuilder plan = new StringBuilder();
            try (var st = c.prepareStatement("explain " + sql)) {
                for (int i = 0; i < parameters.size(); i++) {
                    st.setObject(i + 1, parameters.get(i));
                }
                try (var rs = st.executeQuery()) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
            } finally {
                c.rollback();
            }
            return plan.toString();
        }
    }
}

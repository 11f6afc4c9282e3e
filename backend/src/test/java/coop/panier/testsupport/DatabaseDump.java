package coop.panier.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/** Every row of every table of the application's schema, as text: what a dump would show. */
public final class DatabaseDump {

    private DatabaseDump() {
    }

    public static String of(DataSource dataSource) throws SQLException {
        StringBuilder dump = new StringBuilder();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select tablename from pg_tables where schemaname = 'public'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                dump.append("-- ").append(table).append('\n');
                try (ResultSet rows = s.executeQuery("select t::text from \"" + table + "\" t")) {
                    while (rows.next()) {
                        dump.append(rows.getString(1)).append('\n');
                    }
                }
            }
        }
        return dump.toString();
    }
}

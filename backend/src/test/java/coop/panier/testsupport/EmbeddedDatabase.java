package coop.panier.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 17 from the embedded binaries, with no Docker: used by the tests (a
 * throw-away data directory) and by `make run` (a kept data directory under .data/).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "panier";
    public static final String USER = "panier";
    public static final String PASSWORD = "panier";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL. A kept data directory that already holds a cluster is reused as it is;
     * a throw-away one is deleted when the database closes.
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port, boolean throwAway) throws IOException, SQLException {
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(throwAway)
                .setServerConfig("max_connections", "100")
                .setServerConfig("fsync", "on");
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedDatabase db = new EmbeddedDatabase(builder.start());
        db.createDatabaseAndUser();
        return db;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    public int port() {
        return postgres.getPort();
    }

    private void createDatabaseAndUser() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_roles where rolname = '" + USER + "'")) {
                if (!rs.next()) {
                    s.execute("create role " + USER + " login password '" + PASSWORD + "'");
                }
            }
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    s.execute("create database " + DATABASE + " owner " + USER);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    /** `make run`: java ... EmbeddedDatabase <data directory> <port>; runs until stopped. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : ".data/postgres").toAbsolutePath();
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 5432;
        EmbeddedDatabase db = start(dir, port, false);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                db.close();
            } catch (IOException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }));
        System.out.println("PostgreSQL ready: " + db.jdbcUrl() + " (user " + USER + ", data in " + dir + ")");
        Thread.currentThread().join();
    }
}

package coop.panier.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Each test run gets its own fresh PostgreSQL, so tests never see a developer's data. */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private Path root;
    private EmbeddedDatabase db;

    @Override
    public Map<String, String> start() {
        try {
            // The cluster and, beside it, its secrets.
            root = Files.createTempDirectory("panier-test-pg");
            db = EmbeddedDatabase.start(root.resolve("data"), 0, true);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL", e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", db.jdbcUrl(),
                "quarkus.datasource.username", EmbeddedDatabase.USER,
                "quarkus.datasource.password", db.password());
    }

    @Override
    public void stop() {
        if (db != null) {
            try {
                db.close();
                Files.deleteIfExists(root);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}

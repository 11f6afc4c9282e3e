package coop.panier.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Loads the demo co-op (PANIER_DEMO_DATA=true, set by `make run`). The script only inserts
 * what is missing, so it runs at every start without duplicating or overwriting anything.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    private static final String SCRIPT = "db/demo/demo-data.sql";

    @ConfigProperty(name = "panier.demo-data")
    boolean enabled;

    @Inject
    EntityManager em;

    @Transactional
    void load(@Observes StartupEvent start) {
        if (!enabled) {
            return;
        }
        for (String statement : statements()) {
            var query = em.createNativeQuery(statement);
            if (statement.regionMatches(true, 0, "select", 0, 6)) {
                query.getResultList();
            } else {
                query.executeUpdate();
            }
        }
        LOG.info("Demo data is in place");
    }

    private static String[] statements() {
        try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
            return java.util.Arrays.stream(sql.split(";\\s*(\\n|$)")).map(String::strip)
                    .filter(s -> !s.isEmpty()).toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

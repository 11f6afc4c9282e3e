package coop.panier.testsupport;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The demo co-op, for tests that need a bit of everything (members, products, slots, orders)
 * and may leave odd but valid data behind. Quarkus runs the tests of a profile together, by the
 * profile's name: this one sorts after the others, so what it leaves cannot disturb them.
 */
public class WalkProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("panier.demo-data", "true");
    }
}

package coop.panier.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import coop.panier.testsupport.Contract;

/**
 * Every value a client sends has its bounds in the contract: a number its minimum and maximum,
 * a text its length (or an enum, a pattern, a format), a list its size. Generated clients and
 * the backend's own validation then refuse what the database could not hold, instead of the
 * database failing on it.
 */
class ContractBoundsTest {

    private final Set<String> unbounded = new TreeSet<>();

    @Test
    void everyValueSentHasItsBounds() {
        for (Contract.Operation op : Contract.operations()) {
            resolve(op.node().path("requestBody")).path("content").forEach(media -> walk(media.path("schema"), op.id()));
            op.parameters().forEach(p -> walk(p.path("schema"), op.id() + "?" + p.path("name").asText()));
        }
        assertThat(unbounded).as("values without bounds").isEmpty();
    }

    private static JsonNode resolve(JsonNode node) {
        return Contract.resolve(node);
    }

    private void walk(JsonNode node, String where) {
        JsonNode schema = resolve(node);
        schema.path("allOf").forEach(part -> walk(part, where));
        switch (schema.path("type").asText(schema.has("properties") ? "object" : "")) {
            case "object" -> schema.path("properties").fields().forEachRemaining(p -> walk(p.getValue(), where + "." + p.getKey()));
            case "array" -> {
                if (!schema.has("maxItems")) {
                    unbounded.add(where + ": a list without maxItems");
                }
                walk(schema.path("items"), where + "[]");
            }
            case "integer", "number" -> {
                if (!schema.has("minimum") || !schema.has("maximum")) {
                    unbounded.add(where + ": a number without minimum and maximum");
                }
            }
            case "string" -> {
                boolean bounded = schema.has("maxLength") || schema.has("enum") || schema.has("pattern")
                        || Set.of("uuid", "date", "date-time", "binary").contains(schema.path("format").asText());
                if (!bounded) {
                    unbounded.add(where + ": a text without maxLength");
                }
            }
            default -> {
            }
        }
    }
}

package coop.panier.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import jakarta.inject.Singleton;

/**
 * The contract the backend serves (META-INF/openapi.yaml, the root openapi.yaml unchanged), read
 * once for what the REST layer cannot know by itself: the methods of a path, an operation's
 * scopes, the schema of its query parameters.
 */
@Singleton
public class ServedContract {

    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    /** An operation of the contract, its path and its parameters with their $ref followed. */
    public record Operation(String path, String method, JsonNode node, List<JsonNode> parameters) {
    }

    private final JsonNode root;
    private final Map<String, Operation> byId = new HashMap<>();

    ServedContract() {
        try (InputStream in = ServedContract.class.getClassLoader().getResourceAsStream("META-INF/openapi.yaml")) {
            root = new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode paths = root.path("paths");
        paths.fieldNames().forEachRemaining(path -> paths.get(path).fieldNames().forEachRemaining(method -> {
            if (!METHODS.contains(method)) {
                return;
            }
            JsonNode op = paths.get(path).get(method);
            List<JsonNode> parameters = new ArrayList<>();
            paths.get(path).path("parameters").forEach(p -> parameters.add(resolve(p)));
            op.path("parameters").forEach(p -> parameters.add(resolve(p)));
            byId.put(op.path("operationId").asText(), new Operation(path, method, op, List.copyOf(parameters)));
        }));
    }

    /** Every operation, by operationId: the generated interfaces name their methods after it. */
    public Map<String, Operation> operations() {
        return byId;
    }

    /** The node a local $ref points at (followed until it is not a $ref). */
    public JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            node = root.at(node.get("$ref").asText().substring(1));
        }
        return node;
    }
}

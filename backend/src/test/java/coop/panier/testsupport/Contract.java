package coop.panier.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The root openapi.yaml, the contract the tests hold the API to, and the tests that walk it read. */
public final class Contract {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static JsonNode tree;

    /** An operation: its method, its path template, its node, and its parameters with $ref followed. */
    public record Operation(String method, String path, JsonNode node, List<JsonNode> parameters) {

        public String id() {
            return node.path("operationId").asText(method + " " + path);
        }
    }

    private Contract() {
    }

    public static Path path() {
        return Path.of(System.getProperty("contract.file", "../openapi.yaml")).toAbsolutePath().normalize();
    }

    public static synchronized JsonNode tree() {
        if (tree == null) {
            try {
                tree = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(path()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return tree;
    }

    /** The node a local $ref points at, followed until it is not a $ref. */
    public static JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            node = tree().at(node.get("$ref").asText().substring(1));
        }
        return node;
    }

    /** Every operation, in the contract's order. */
    public static List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        JsonNode paths = tree().path("paths");
        paths.fieldNames().forEachRemaining(path -> paths.get(path).fieldNames().forEachRemaining(method -> {
            if (METHODS.contains(method)) {
                List<JsonNode> parameters = new ArrayList<>();
                paths.get(path).path("parameters").forEach(p -> parameters.add(resolve(p)));
                paths.get(path).get(method).path("parameters").forEach(p -> parameters.add(resolve(p)));
                operations.add(new Operation(method, path, paths.get(path).get(method), List.copyOf(parameters)));
            }
        }));
        return operations;
    }
}

package coop.panier.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The methods each path of the served contract accepts, for the Allow header that HTTP
 * requires on a 405 (the REST layer does not provide it).
 */
@ApplicationScoped
public class AllowedMethods {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final Map<Pattern, Set<String>> byPath = new LinkedHashMap<>();

    AllowedMethods() {
        try (InputStream in = AllowedMethods.class.getClassLoader().getResourceAsStream("META-INF/openapi.yaml")) {
            JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(in).path("paths");
            paths.fieldNames().forEachRemaining(path -> {
                Set<String> methods = new TreeSet<>();
                paths.get(path).fieldNames().forEachRemaining(m -> {
                    if (METHODS.contains(m)) {
                        methods.add(m.toUpperCase());
                    }
                });
                byPath.put(Pattern.compile(path.replaceAll("\\{[^/]+}", "[^/]+")), methods);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<String> forPath(String path) {
        String normalised = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return byPath.entrySet().stream()
                .filter(e -> e.getKey().matcher(normalised).matches())
                .findFirst()
                .map(e -> String.join(", ", e.getValue()));
    }
}

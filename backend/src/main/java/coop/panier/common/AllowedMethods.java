package coop.panier.common;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The methods each path of the served contract accepts, for the Allow header that HTTP
 * requires on a 405 (the REST layer does not provide it).
 */
@ApplicationScoped
public class AllowedMethods {

    private final Map<Pattern, Set<String>> byPath = new LinkedHashMap<>();

    @Inject
    AllowedMethods(ServedContract contract) {
        Map<String, Set<String>> byTemplate = new TreeMap<>();
        contract.operations().values().forEach(operation -> byTemplate
                .computeIfAbsent(operation.path(), path -> new TreeSet<>()).add(operation.method().toUpperCase()));
        // A literal segment wins over a parameter: /members/export before /members/{memberId}.
        byTemplate.entrySet().stream().sorted(Comparator.comparingLong(e -> e.getKey().chars().filter(c -> c == '{').count()))
                .forEach(e -> byPath.put(Pattern.compile(e.getKey().replaceAll("\\{[^/]+}", "[^/]+")), e.getValue()));
    }

    public Optional<String> forPath(String path) {
        String normalised = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return byPath.entrySet().stream()
                .filter(e -> e.getKey().matcher(normalised).matches())
                .findFirst()
                .map(e -> String.join(", ", e.getValue()));
    }
}

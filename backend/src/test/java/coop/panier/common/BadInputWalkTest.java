package coop.panier.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import coop.panier.testsupport.ApiTest;
import coop.panier.testsupport.BadInputs;
import coop.panier.testsupport.BadInputs.Bad;
import coop.panier.testsupport.BadInputs.BadParameter;
import coop.panier.testsupport.Contract;
import coop.panier.testsupport.Contract.Operation;
import coop.panier.testsupport.Tokens;
import coop.panier.testsupport.WalkProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Walks every operation of openapi.yaml with bad input built from the operation's own
 * parameters and body schema (so operations added later are walked without editing this test):
 * malformed JSON, wrong types, numbers out of range, values outside an enum, NUL and other odd
 * Unicode, huge strings and arrays, garbage ids and cursors. Whatever the input, the answer is
 * never a 5xx, and every refusal is problem+json whose `status` is the HTTP status. Values that
 * can only be wrong (NUL, a string for a number, an enum out of range…) must be refused.
 *
 * Path ids are real ones, read from the API's own lists, and writes carry the current ETag, so
 * that the bad value reaches the service and the database rather than stopping at a 404 or 428.
 */
@QuarkusTest
@TestProfile(WalkProfile.class)
class BadInputWalkTest extends ApiTest {

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Alice of the demo co-op (an active, paid-up member) with the admin role: she may call everything. */
    private final String admin = Tokens.person(new Tokens.TestPerson("33333333-3333-4333-8333-333333333333",
            "alice@panier.example", "Alice", "Martin"), Set.of("member", "admin"));
    /** Ids read from the lists, by path parameter name (productId → a product's id). */
    private final Map<String, String> ids = new HashMap<>();
    private final List<String> failures = new ArrayList<>();
    private final Map<String, Integer> requestsByOperation = new TreeMap<>();

    @Test
    void noBadInputGetsA5xxAndEveryRefusalIsAProblem() throws Exception {
        List<Operation> operations = Contract.operations();
        harvestIds(operations);
        seed(operations);
        harvestIds(operations);
        for (Operation op : operations) {
            walk(op);
        }
        int requests = requestsByOperation.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("=== Bad-input walk: %d operations, %d requests, %d failures%n", operations.size(), requests,
                failures.size());
        // Every wrong answer, for reading beyond the assertion's first lines.
        Files.write(java.nio.file.Path.of("target", "bad-input-walk.txt"), failures);
        assertThat(requestsByOperation.keySet()).as("every operation is walked").hasSize(operations.size());
        assertThat(failures).as(failures.size() + " answers were wrong:\n" + String.join("\n", failures.subList(0,
                Math.min(failures.size(), 60))))
                .isEmpty();
    }

    // --- the contract -----------------------------------------------------------------------

    private static JsonNode deref(JsonNode node) {
        return Contract.resolve(node);
    }

    /** A schema with its $ref followed and an allOf folded into one object schema. */
    private JsonNode schema(JsonNode node) {
        node = deref(node);
        if (node.has("allOf")) {
            ObjectNode merged = MAPPER.createObjectNode();
            ObjectNode properties = merged.putObject("properties");
            merged.putArray("required");
            node.get("allOf").forEach(part -> {
                JsonNode resolved = schema(part);
                resolved.path("properties").fields().forEachRemaining(e -> properties.set(e.getKey(), e.getValue()));
                resolved.path("required").forEach(r -> merged.withArray("required").add(r));
            });
            merged.put("type", "object");
            return merged;
        }
        return node;
    }

    // --- real ids ---------------------------------------------------------------------------

    /** Reads the lists (a list before the lists inside its items) and keeps one id for each path parameter. */
    private void harvestIds(List<Operation> operations) {
        for (int round = 0; round < 3; round++) {
            for (Operation list : operations) {
                for (Operation item : operations) {
                    // /products/{productId} names what the list /products holds.
                    Matcher m = Pattern.compile(Pattern.quote(list.path()) + "/\\{([^}/]+)}").matcher(item.path());
                    if (list.method().equals("get") && m.matches() && !ids.containsKey(m.group(1))) {
                        firstId(list).ifPresent(id -> ids.put(m.group(1), id));
                    }
                }
            }
        }
        System.out.println("=== Bad-input walk: ids read from the lists for " + new TreeMap<>(ids).keySet());
    }

    /**
     * Creates one of each thing the contract can create, from the operation's own example with
     * real ids, so that the walk finds an order, a slot… to send its bad input to.
     */
    private void seed(List<Operation> operations) {
        for (Operation create : operations) {
            JsonNode media = create.node().path("requestBody").path("content").path("application/json");
            JsonNode example = media.isMissingNode() ? null : example(media);
            if (!create.method().equals("post") || example == null) {
                continue;
            }
            for (Operation item : operations) {
                Matcher m = Pattern.compile(Pattern.quote(create.path()) + "/\\{([^}/]+)}").matcher(item.path());
                String path = concrete(create.path());
                if (m.matches() && !ids.containsKey(m.group(1)) && path != null) {
                    Response created = RestAssured.given().auth().oauth2(admin).contentType("application/json")
                            .header("Idempotency-Key", UUID.randomUUID().toString()).body(json(example)).post(path);
                    if (created.statusCode() == 201 && created.as(JsonNode.class).hasNonNull("id")) {
                        ids.put(m.group(1), created.as(JsonNode.class).get("id").asText());
                    } else {
                        System.out.println("=== Bad-input walk: could not create for " + m.group(1) + ": " + created.statusCode()
                                + " " + abbreviated(created.asString()));
                    }
                }
            }
        }
    }

    private java.util.Optional<String> firstId(Operation list) {
        String path = concrete(list.path());
        if (path == null) {
            return java.util.Optional.empty();
        }
        RequestSpecification request = RestAssured.given().auth().oauth2(admin).accept("application/json");
        validQuery(list).forEach(request::queryParam);
        Response response = request.get(path);
        if (response.statusCode() != 200 || !String.valueOf(response.contentType()).startsWith("application/json")) {
            return java.util.Optional.empty();
        }
        JsonNode body = response.as(JsonNode.class);
        JsonNode items = body.isArray() ? body : body.path("items");
        for (JsonNode item : items) {
            if (item.hasNonNull("id")) {
                return java.util.Optional.of(item.get("id").asText());
            }
        }
        return java.util.Optional.empty();
    }

    /** The path with a real id in every parameter, or null if one is not known yet. */
    private String concrete(String template) {
        Matcher m = PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String id = ids.get(m.group(1));
            if (id == null) {
                return null;
            }
            m.appendReplacement(path, id);
        }
        m.appendTail(path);
        return path.toString();
    }

    /** The path with a real id in every parameter the walk knows, a made-up one in the others. */
    private String realPath(String template) {
        Matcher m = PARAMETER.matcher(template);
        StringBuilder made = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(made, ids.getOrDefault(m.group(1), UUID.randomUUID().toString()));
        }
        m.appendTail(made);
        return made.toString();
    }

    // --- the walk ---------------------------------------------------------------------------

    private void walk(Operation op) {
        requestsByOperation.put(op.id(), 0);
        String path = realPath(op.path());
        Map<String, String> validQuery = validQuery(op);

        // Every operation: an undeclared parameter holding a NUL is ignored or refused, never a 500.
        send(op, "an undeclared query parameter with a NUL", false, path, withQuery(validQuery, "undeclared", "a%00b"), null, null);

        for (JsonNode parameter : op.parameters()) {
            String name = parameter.path("name").asText();
            JsonNode schema = deref(parameter.path("schema"));
            switch (parameter.path("in").asText()) {
                case "path" -> {
                    for (BadParameter bad : BadInputs.forParameter(schema)) {
                        String badPath = op.path().replace("{" + name + "}", bad.encoded());
                        send(op, "path " + name + ": " + bad.what(), bad.mustRefuse(), realPath(badPath), validQuery, null, null);
                    }
                }
                case "query" -> {
                    for (BadParameter bad : BadInputs.forParameter(schema)) {
                        send(op, "query " + name + ": " + bad.what(), bad.mustRefuse(), path,
                                withQuery(validQuery, name, bad.encoded()), null, null);
                    }
                    if (name.equals("cursor")) {
                        for (String garbage : List.of("pas-un-curseur", "AAAA", "eyJ4IjoxfQ", "%2F%2F%2F%2F")) {
                            send(op, "a garbage cursor " + garbage, true, path, withQuery(validQuery, name, garbage), null, null);
                        }
                    }
                }
                default -> {
                }
            }
        }

        JsonNode content = op.node().path("requestBody").path("content");
        if (content.has("application/json")) {
            JsonNode media = content.get("application/json");
            JsonNode example = example(media);
            for (Map.Entry<String, String> whole : BadInputs.wholeBodies().entrySet()) {
                // An optional body may be left empty (null); an empty object only lacks what is required.
                boolean optional = !op.node().path("requestBody").path("required").asBoolean();
                boolean refuse = switch (whole.getKey()) {
                    case "null" -> !optional;
                    case "an empty object" -> schema(media.path("schema")).path("required").size() > 0;
                    default -> true;
                };
                send(op, "body: " + whole.getKey(), refuse, path, validQuery, "application/json", whole.getValue());
            }
            if (example != null) {
                JsonNode bodySchema = schema(media.path("schema"));
                for (String pointer : BadInputs.pointers(example)) {
                    JsonNode propertySchema = propertySchema(bodySchema, pointer);
                    if (propertySchema == null) {
                        continue;
                    }
                    boolean required = isRequired(bodySchema, pointer);
                    for (Bad bad : BadInputs.forProperty(propertySchema, required)) {
                        String body = json(BadInputs.with(example, pointer, bad.value()));
                        send(op, "body " + pointer + ": " + bad.what(), bad.mustRefuse(), path, validQuery, "application/json", body);
                    }
                }
            }
        } else if (content.size() > 0) {
            String mediaType = content.fieldNames().next();
            for (Map.Entry<String, String> odd : Map.of("a NUL in a line", "reference;nom;prix\nR1;Miel\u0000;5,00\n",
                    "a price beyond a long", "reference;nom;prix\nR1;Miel;92233720368547758070\n",
                    "bytes that are not text", "\u00ff\u00fe\u0000\u0000",
                    "an empty file", "").entrySet()) {
                send(op, "body: " + odd.getKey(), odd.getKey().equals("an empty file"), path, validQuery, mediaType, odd.getValue());
            }
        }
    }

    /** Required query parameters with a valid value, so that only the bad one is wrong. */
    private Map<String, String> validQuery(Operation op) {
        Map<String, String> query = new TreeMap<>();
        for (JsonNode parameter : op.parameters()) {
            if (parameter.path("in").asText().equals("query") && parameter.path("required").asBoolean()) {
                JsonNode schema = deref(parameter.path("schema"));
                String value = switch (schema.path("format").asText("")) {
                    case "date" -> java.time.LocalDate.now().plusDays(parameter.path("name").asText().equals("to") ? 60 : -30).toString();
                    case "uuid" -> ids.getOrDefault(parameter.path("name").asText(), UUID.randomUUID().toString());
                    default -> schema.has("enum") ? schema.get("enum").get(0).asText() : "1";
                };
                query.put(parameter.path("name").asText(), value);
            }
        }
        return query;
    }

    private static Map<String, String> withQuery(Map<String, String> query, String name, String value) {
        Map<String, String> copy = new TreeMap<>(query);
        copy.put(name, value);
        return copy;
    }

    private JsonNode example(JsonNode media) {
        JsonNode example = media.get("example");
        if (example == null && media.has("examples")) {
            Iterator<JsonNode> all = media.get("examples").elements();
            example = all.hasNext() ? deref(all.next()).get("value") : null;
        }
        if (example == null) {
            example = schema(media.path("schema")).get("example");
        }
        return example == null ? null : withRealIds(example.deepCopy());
    }

    /** The example's ids replaced by real ones where the walk knows one of that name. */
    private JsonNode withRealIds(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> {
                JsonNode value = object.get(name);
                if (value.isTextual() && ids.containsKey(name)) {
                    object.put(name, ids.get(name));
                } else {
                    withRealIds(value);
                }
            });
        } else if (node.isArray()) {
            node.forEach(this::withRealIds);
        }
        return node;
    }

    private JsonNode propertySchema(JsonNode schema, String pointer) {
        JsonNode current = schema;
        for (String step : pointer.substring(1).split("/")) {
            current = schema(current);
            if (step.matches("\\d+") && current.has("items")) {
                current = current.get("items");
            } else if (current.path("properties").has(step)) {
                current = current.get("properties").get(step);
            } else {
                return null;
            }
        }
        return schema(current);
    }

    private boolean isRequired(JsonNode schema, String pointer) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = slash == 0 ? schema(schema) : propertySchema(schema, pointer.substring(0, slash));
        if (parent == null) {
            return false;
        }
        String name = pointer.substring(slash + 1);
        for (JsonNode required : parent.path("required")) {
            if (required.asText().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static String json(JsonNode body) {
        try {
            // UTF-8 cannot carry a lone surrogate: it goes in as a JSON escape, as a broken client writes it.
            return MAPPER.writeValueAsString(body).replace("\ud800", "\\ud800");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // --- one request ------------------------------------------------------------------------

    private void send(Operation op, String what, boolean mustRefuse, String path, Map<String, String> query,
            String contentType, String body) {
        requestsByOperation.merge(op.id(), 1, Integer::sum);
        RequestSpecification request = RestAssured.given()
                .config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .urlEncodingEnabled(false).auth().oauth2(admin).accept("application/json, application/problem+json, */*");
        if (op.method().equals("put")) {
            etag(path).ifPresent(etag -> request.header("If-Match", etag));
        }
        if (op.parameters().stream().anyMatch(p -> p.path("name").asText().equals("Idempotency-Key"))) {
            request.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        if (contentType != null) {
            request.contentType(contentType).body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        StringBuilder url = new StringBuilder(path);
        String separator = "?";
        for (Map.Entry<String, String> q : query.entrySet()) {
            url.append(separator).append(q.getKey()).append('=').append(q.getValue());
            separator = "&";
        }
        Response response;
        try {
            response = request.request(op.method().toUpperCase(), url.toString());
        } catch (Exception e) {
            failures.add(op.id() + " — " + what + ": no answer (" + e + ")");
            return;
        }
        int status = response.statusCode();
        String problem = op.id() + " — " + what + ": " + status + " " + abbreviated(response.asString());
        if (status >= 500) {
            failures.add(problem);
        } else if (status >= 400) {
            if (!String.valueOf(response.contentType()).startsWith("application/problem+json")) {
                failures.add(problem + " (not problem+json: " + response.contentType() + ")");
            } else if (response.jsonPath().getInt("status") != status) {
                failures.add(problem + " (problem status differs)");
            }
        } else if (mustRefuse) {
            failures.add(problem + " (accepted)");
        }
    }

    /** The current version of what the path names, so that a write is not stopped by a missing If-Match. */
    private java.util.Optional<String> etag(String path) {
        try {
            return java.util.Optional.ofNullable(RestAssured.given().urlEncodingEnabled(false).auth().oauth2(admin).get(path).header("ETag"));
        } catch (Exception e) {
            return java.util.Optional.empty();
        }
    }

    private static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}

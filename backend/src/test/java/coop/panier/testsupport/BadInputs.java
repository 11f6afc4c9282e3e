package coop.panier.testsupport;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Bad values for a parameter or a JSON property, chosen from its schema in the contract: what a
 * careless client, a fuzzer or a copy-paste from a spreadsheet sends. Each comes with whether
 * the API must refuse it (a 4xx), or may also accept it (a legitimate if odd value).
 */
public final class BadInputs {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A value to try, what it is, and whether only a refusal is right. */
    public record Bad(String what, JsonNode value, boolean mustRefuse) {
    }

    /** A query or path value, already percent-encoded (some are not valid UTF-8 on purpose). */
    public record BadParameter(String what, String encoded, boolean mustRefuse) {
    }

    private BadInputs() {
    }

    static String huge(int length) {
        return "é".repeat(length);
    }

    /** Values for a JSON property of this (dereferenced) schema. */
    public static List<Bad> forProperty(JsonNode schema, boolean required) {
        List<Bad> bad = new ArrayList<>();
        String type = schema.path("type").asText("");
        bad.add(new Bad("an object instead of a " + type, MAPPER.createObjectNode().put("x", 1), !type.isEmpty() && !type.equals("object")));
        bad.add(new Bad("an array instead of a " + type, JSON.arrayNode().add(1), !type.isEmpty() && !type.equals("array")));
        if (required && !schema.path("nullable").asBoolean()) {
            bad.add(new Bad("null for a required value", JSON.nullNode(), true));
        }
        switch (type) {
            case "integer", "number" -> {
                bad.add(new Bad("a string instead of a number", JSON.textNode("douze"), true));
                bad.add(new Bad("a number beyond a long", JSON.numberNode(new java.math.BigInteger("92233720368547758070")), true));
                bad.add(new Bad("1e308", JSON.numberNode(new java.math.BigDecimal("1e308")), true));
                bad.add(new Bad("-2^63", JSON.numberNode(Long.MIN_VALUE), schema.has("minimum")));
                bad.add(new Bad("2^31", JSON.numberNode(2_147_483_648L), schema.has("maximum")));
                if (type.equals("integer")) {
                    bad.add(new Bad("a fraction for an integer", JSON.numberNode(new java.math.BigDecimal("1.5")), true));
                } else {
                    bad.add(new Bad("a number with 30 decimals", JSON.numberNode(new java.math.BigDecimal("0.123456789012345678901234567891")), false));
                }
            }
            case "boolean" -> bad.add(new Bad("a string instead of a boolean", JSON.textNode("oui"), true));
            case "array" -> {
                bad.add(new Bad("a string instead of an array", JSON.textNode("a"), true));
                ArrayNode many = JSON.arrayNode();
                JsonNode item = schema.path("items").path("example");
                for (int i = 0; i < 20_000; i++) {
                    many.add(item.isMissingNode() ? JSON.textNode("x" + i) : item);
                }
                bad.add(new Bad("an array of 20,000 items", many, schema.has("maxItems")));
                bad.add(new Bad("an array holding null", JSON.arrayNode().addNull(), true));
            }
            case "string" -> forText(schema, required, bad);
            default -> {
            }
        }
        return bad;
    }

    private static void forText(JsonNode schema, boolean required, List<Bad> bad) {
        boolean free = !schema.has("enum") && !schema.has("format") && !schema.has("pattern");
        bad.add(new Bad("a number instead of a string", JSON.numberNode(12), false));
        bad.add(new Bad("a NUL character", JSON.textNode("a\u0000b"), true));
        bad.add(new Bad("a lone surrogate", JSON.textNode("a\ud800b"), true));
        bad.add(new Bad("a string of 200,000 characters", JSON.textNode(huge(200_000)), true));
        if (required && free && schema.path("minLength").asInt(0) > 0) {
            bad.add(new Bad("only whitespace where text is required", JSON.textNode(" \t\u00a0\u3000 "), true));
        }
        if (free) {
            // Names from everywhere, direction marks and emoji are legitimate text.
            bad.add(new Bad("mixed scripts, marks and emoji", JSON.textNode("Łukasz Nguyễn ‮עברית‬ 👩🏽‍🌾\u200b"), false));
        }
        if (schema.has("enum")) {
            bad.add(new Bad("a value outside the enum", JSON.textNode("NOT_IN_THE_ENUM"), true));
            String first = schema.path("enum").path(0).asText();
            if (!first.equals(first.toLowerCase())) {
                bad.add(new Bad("an enum value in lower case", JSON.textNode(first.toLowerCase()), true));
            }
        }
        switch (schema.path("format").asText("")) {
            case "uuid" -> {
                bad.add(new Bad("not a UUID", JSON.textNode("pas-un-uuid"), true));
                bad.add(new Bad("an unknown UUID", JSON.textNode("00000000-0000-4000-8000-000000000000"), false));
            }
            case "date" -> bad.add(new Bad("the 45th of the 13th month", JSON.textNode("2026-13-45"), true));
            case "date-time" -> bad.add(new Bad("a date-time without offset, far away", JSON.textNode("99999-01-01T00:00:00"), true));
            case "email" -> bad.add(new Bad("not an e-mail", JSON.textNode("pas une adresse"), true));
            default -> {
            }
        }
    }

    /** Values for a query or path parameter of this (dereferenced) schema. */
    public static List<BadParameter> forParameter(JsonNode schema) {
        List<BadParameter> bad = new ArrayList<>();
        bad.add(new BadParameter("a NUL character", "a%00b", true));
        bad.add(new BadParameter("bytes that are not UTF-8", "%FF%FE%ED%A0%80", true));
        // 500 accented letters are 3,000 bytes encoded: under the HTTP server's 4 KiB request line,
        // so that the application, not the HTTP codec, answers.
        bad.add(new BadParameter("500 characters", encode(huge(500)), true));
        bad.add(new BadParameter("mixed scripts and emoji", encode("Łukasz Nguyễn ‮عربي‬ 👩🏽‍🌾"), false));
        switch (schema.path("type").asText("string")) {
            case "integer", "number" -> {
                bad.add(new BadParameter("a word", "douze", true));
                bad.add(new BadParameter("a number beyond a long", "92233720368547758070", true));
                bad.add(new BadParameter("a negative number", "-1", schema.has("minimum")));
                bad.add(new BadParameter("zero", "0", schema.path("minimum").asDouble(0) > 0));
            }
            case "boolean" -> bad.add(new BadParameter("neither true nor false", "peut-etre", true));
            default -> {
                if (schema.has("enum")) {
                    bad.add(new BadParameter("a value outside the enum", "NOT_IN_THE_ENUM", true));
                }
                switch (schema.path("format").asText("")) {
                    case "uuid" -> bad.add(new BadParameter("not a UUID", "pas-un-uuid", true));
                    case "date" -> {
                        bad.add(new BadParameter("the 45th of the 13th month", "2026-13-45", true));
                        bad.add(new BadParameter("a day in year 99999", "99999-01-01", true));
                    }
                    default -> {
                    }
                }
            }
        }
        return bad;
    }

    /** The whole body replaced: what a broken client sends. */
    public static Map<String, String> wholeBodies() {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("malformed JSON", "{\"name\": ");
        bodies.put("JSON with a trailing comma", "{\"a\": 1,}");
        bodies.put("an array instead of an object", "[]");
        bodies.put("a bare string", "\"texte\"");
        bodies.put("null", "null");
        bodies.put("an empty object", "{}");
        bodies.put("a NUL byte in the JSON text", "{\"a\u0000\": 1}");
        bodies.put("JSON nested 5,000 levels deep", "[".repeat(5000) + "]".repeat(5000));
        return bodies;
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Every place in a JSON body, as JSON pointers to its properties (nested objects and first array items too). */
    public static List<String> pointers(JsonNode body) {
        List<String> pointers = new ArrayList<>();
        collect(body, "", pointers);
        return pointers;
    }

    private static void collect(JsonNode node, String at, List<String> pointers) {
        if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
                String name = names.next();
                String pointer = at + "/" + name;
                pointers.add(pointer);
                collect(node.get(name), pointer, pointers);
            }
        } else if (node.isArray() && !node.isEmpty()) {
            collect(node.get(0), at + "/0", pointers);
        }
    }

    /** A copy of the body with the value at the pointer replaced. */
    public static JsonNode with(JsonNode body, String pointer, JsonNode value) {
        JsonNode copy = body.deepCopy();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        }
        return copy;
    }
}

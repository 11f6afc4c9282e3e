package coop.panier.common;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Query parameters are checked against the schema the contract gives them, before the REST
 * layer converts them: a value outside its enum, "maybe" for a boolean, a number beyond its
 * bounds, a malformed date or id, bytes that are not UTF-8 or a NUL character get a 400 naming
 * the parameter, for every operation, including those added later.
 */
@Singleton
public class QueryParameters {

    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,30}");
    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d{1,30}(\\.\\d{1,30})?");

    private static final Logger LOG = Logger.getLogger(QueryParameters.class);

    @Inject
    ServedContract contract;

    @ServerRequestFilter
    public Response check(ResourceInfo resource, UriInfo uri) {
        if (resource.getResourceMethod() == null) {
            return null;
        }
        ServedContract.Operation operation = contract.operations().get(resource.getResourceMethod().getName());
        String raw = uri.getRequestUri().getRawQuery();
        if (operation == null || raw == null) {
            return null;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals)).orElse(null);
            Optional<JsonNode> declared = name == null ? Optional.empty() : declared(operation, name);
            if (declared.isEmpty()) {
                // Not ours to read: an undeclared parameter is ignored, whatever it holds.
                continue;
            }
            Optional<String> value = decode(equals < 0 ? "" : pair.substring(equals + 1));
            String refusal = value.isEmpty() ? "octets qui ne sont pas de l'UTF-8" : refusal(declared.get(), value.get());
            if (refusal != null) {
                LOG.debugf("Query parameter %s refused (%s) in %s", name, refusal, raw);
                return Problems.of(ProblemException.invalidField(name, refusal));
            }
        }
        return null;
    }

    private Optional<JsonNode> declared(ServedContract.Operation operation, String name) {
        return operation.parameters().stream()
                .filter(p -> "query".equals(p.path("in").asText()) && name.equals(p.path("name").asText()))
                .findFirst().map(p -> contract.resolve(p.path("schema")));
    }

    /** Why the value does not fit its schema, or null when it does. */
    private String refusal(JsonNode schema, String value) {
        String text = Text.refusal(value);
        if (text != null) {
            return text;
        }
        if (schema.path("type").asText().equals("array")) {
            return refusal(contract.resolve(schema.path("items")), value);
        }
        if (schema.has("enum")) {
            for (JsonNode allowed : schema.get("enum")) {
                if (allowed.asText().equals(value)) {
                    return null;
                }
            }
            return "valeur inconnue : une de " + enumValues(schema);
        }
        return switch (schema.path("type").asText("string")) {
            case "boolean" -> value.equals("true") || value.equals("false") ? null : "true ou false";
            case "integer" -> INTEGER.matcher(value).matches() ? bounds(schema, new BigDecimal(value)) : "nombre entier attendu";
            case "number" -> NUMBER.matcher(value).matches() ? bounds(schema, new BigDecimal(value)) : "nombre attendu";
            default -> text(schema, value);
        };
    }

    private static String enumValues(JsonNode schema) {
        StringBuilder values = new StringBuilder();
        schema.get("enum").forEach(v -> values.append(values.isEmpty() ? "" : ", ").append(v.asText()));
        return values.toString();
    }

    private static String bounds(JsonNode schema, BigDecimal value) {
        if (schema.has("minimum") && value.compareTo(schema.get("minimum").decimalValue()) < 0) {
            return "au moins " + schema.get("minimum").asText();
        }
        if (schema.has("maximum") && value.compareTo(schema.get("maximum").decimalValue()) > 0) {
            return "au plus " + schema.get("maximum").asText();
        }
        return null;
    }

    private static String text(JsonNode schema, String value) {
        if (schema.has("maxLength") && value.codePointCount(0, value.length()) > schema.get("maxLength").asInt()) {
            return "au plus " + schema.get("maxLength").asInt() + " caractères";
        }
        switch (schema.path("format").asText("")) {
            case "uuid" -> {
                return UUID_TEXT.matcher(value).matches() ? null : "identifiant (UUID) attendu";
            }
            case "date" -> {
                try {
                    LocalDate.parse(value);
                    return null;
                } catch (DateTimeParseException e) {
                    return "date attendue, au format AAAA-MM-JJ";
                }
            }
            default -> {
                return null;
            }
        }
    }

    /** Percent-decoding that refuses bytes which are not UTF-8, instead of turning them into U+FFFD. */
    static Optional<String> decode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%' && i + 2 < encoded.length() && Character.digit(encoded.charAt(i + 1), 16) >= 0 && Character.digit(encoded.charAt(i + 2), 16) >= 0) {
                bytes.write(Integer.parseInt(encoded, i + 1, i + 3, 16));
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}

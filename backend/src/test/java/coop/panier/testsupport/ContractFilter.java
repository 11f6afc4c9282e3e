package coop.panier.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Holds every exchange to the contract. The operation-level checks (path, parameters, status,
 * headers, media type) come from the OpenAPI request validator; bodies are also checked
 * against the operation's schema by a plain draft-4 validator with the OpenAPI 3.0 dialect
 * (nullable), with no merging of allOf: that is how generated clients read the contract, so a
 * schema that only a merging validator accepts fails here.
 */
public final class ContractFilter implements Filter {

    public static final ContractFilter INSTANCE = new ContractFilter();

    private static final Pattern JSON = Pattern.compile("application/(.+\\+)?json");

    private final OpenApiInteractionValidator operations;
    private final JsonNode contract;
    private final JsonSchema document;
    private final List<Template> templates;

    private record Template(String path, Pattern pattern, int parameters) {
    }

    private ContractFilter() {
        String uri = Contract.path().toUri().toString();
        operations = OpenApiInteractionValidator.createForSpecificationUrl(uri).build();
        try {
            contract = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(Contract.path()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
                builder -> builder.metaSchema(OpenApi30.getInstance()).defaultMetaSchemaIri(OpenApi30.getInstance().getIri()));
        // Formats stay with the request validator: this one refuses e-mails at reserved test domains (.example).
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(false)
                .nullableKeywordEnabled(true).pathType(PathType.JSON_POINTER).build();
        document = factory.getSchema(SchemaLocation.of(uri), contract, config);
        templates = new ArrayList<>();
        contract.path("paths").fieldNames().forEachRemaining(path -> templates.add(new Template(path,
                Pattern.compile(path.replaceAll("\\{[^}]+}", "[^/]+")), path.split("\\{", -1).length - 1)));
        // A literal segment wins over a parameter: /members/export before /members/{memberId}.
        templates.sort(Comparator.comparingInt(Template::parameters));
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        com.atlassian.oai.validator.model.Request sent = RestAssuredRequest.of(request);
        Response response = context.next(request, responseSpec);
        List<String> errors = new ArrayList<>();
        ValidationReport report = operations.validate(sent, RestAssuredResponse.of(response));
        report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .forEach(m -> errors.add(m.getKey() + ": " + m.getMessage()));
        operation(sent.getMethod().name(), sent.getPath()).ifPresent(operation -> {
            sent.getBody().ifPresent(body -> errors.addAll(checkBody("request",
                    operation.append("requestBody"), request.getContentType(), body)));
            JsonNodePath responses = operation.append("responses");
            JsonNode byStatus = node(responses);
            String status = String.valueOf(response.statusCode());
            if (byStatus.has(status) || byStatus.has("default")) {
                errors.addAll(checkBody("response " + status, responses.append(byStatus.has(status) ? status : "default"),
                        response.contentType(), response.asString()));
            }
        });
        if (!errors.isEmpty()) {
            throw new AssertionError(request.getMethod() + " " + sent.getPath() + " -> " + response.statusCode()
                    + " breaks the contract:\n  " + String.join("\n  ", errors) + "\nbody: " + response.asString());
        }
        return response;
    }

    /** The JSON path of the operation in the contract, if the contract has it. */
    private Optional<JsonNodePath> operation(String method, String path) {
        String verb = method.toLowerCase(Locale.ROOT);
        return templates.stream().filter(t -> t.pattern().matcher(path).matches())
                .filter(t -> contract.path("paths").path(t.path()).has(verb)).findFirst()
                .map(t -> new JsonNodePath(PathType.JSON_POINTER).append("paths").append(t.path()).append(verb));
    }

    private List<String> checkBody(String what, JsonNodePath at, String contentType, String body) {
        JsonNodePath described = dereference(at);
        if (contentType == null || body == null || body.isEmpty()) {
            return List.of();
        }
        String mediaType = contentType.split(";")[0].trim();
        if (!JSON.matcher(mediaType).matches() || !node(described).path("content").has(mediaType)) {
            return List.of();
        }
        JsonNodePath schema = described.append("content").append(mediaType).append("schema");
        if (node(schema).isMissingNode()) {
            return List.of();
        }
        List<String> errors = new ArrayList<>();
        for (ValidationMessage message : document.getSubSchema(schema).validate(body, InputFormat.JSON)) {
            errors.add("strict " + what + " body: " + message.getMessage() + " (schema " + message.getSchemaLocation() + ")");
        }
        return errors;
    }

    /** Follows a local $ref (a shared response or request body) to where it is written. */
    private JsonNodePath dereference(JsonNodePath at) {
        JsonNode node = node(at);
        if (!node.has("$ref")) {
            return at;
        }
        JsonNodePath target = new JsonNodePath(PathType.JSON_POINTER);
        for (String segment : node.get("$ref").asText().substring(2).split("/")) {
            target = target.append(segment.replace("~1", "/").replace("~0", "~"));
        }
        return dereference(target);
    }

    private JsonNode node(JsonNodePath path) {
        JsonNode node = contract;
        for (int i = 0; i < path.getNameCount(); i++) {
            node = node.path(path.getName(i));
        }
        return node;
    }
}

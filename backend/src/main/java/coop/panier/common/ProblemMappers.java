package coop.panier.common;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import coop.panier.api.model.FieldError;
import coop.panier.api.model.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves the API as problem+json, whoever raised it: our services, Jackson,
 * Bean Validation, the security layer, JAX-RS routing, or a bug.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** Jackson names a missing required property only in its message. */
    private static final Pattern MISSING_PROPERTY = Pattern.compile("Missing required creator property '([^']+)'");

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return Problems.of(e);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError().field(fieldOf(v)).message(v.getMessage()))
                .sorted(Comparator.comparing(FieldError::getField))
                .collect(Collectors.toList());
        return Problems.of(ProblemException.invalid(errors));
    }

    /** Declared apart, like the next one: Quarkus has built-in mappers for exactly these types. */
    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        return Problems.of(ProblemException.invalidField(path(e), "champ inconnu"));
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return unknownField(unknown);
        }
        if (e instanceof JsonInput.RefusedText refused) {
            return Problems.of(ProblemException.invalidField(path(refused), refused.getOriginalMessage()));
        }
        if (e instanceof MismatchedInputException missing) {
            Matcher property = MISSING_PROPERTY.matcher(String.valueOf(missing.getOriginalMessage()));
            if (property.find()) {
                String field = path(missing);
                return Problems.of(ProblemException.invalidField(field.equals("body") ? property.group(1) : field,
                        "champ obligatoire"));
            }
        }
        if (e instanceof InvalidFormatException || (e instanceof JsonMappingException m && !m.getPath().isEmpty())) {
            return Problems.of(ProblemException.invalidField(path((JsonMappingException) e), "valeur invalide"));
        }
        return Problems.response(400, "malformed-json", "JSON mal formé",
                "Le corps de la requête n'est pas un document JSON valide.");
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthorized() {
        return Response.fromResponse(Problems.response(401, "unauthorized", "Authentification requise",
                        "Connectez-vous : un jeton d'accès valide est nécessaire."))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problems.of(ProblemException.forbidden("Votre rôle ne permet pas cette opération."));
    }

    @Inject
    AllowedMethods allowedMethods;

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        return switch (status) {
            case 400 -> Problems.response(400, "bad-request", "Requête invalide", "La requête est mal formée.");
            case 404 -> Problems.response(404, "not-found", "Introuvable", "Cette adresse ne correspond à aucune ressource.");
            case 405 -> Response.fromResponse(Problems.response(405, "method-not-allowed", "Méthode non permise",
                    "Cette ressource n'accepte pas cette méthode HTTP."))
                    .header(HttpHeaders.ALLOW, allowedMethods.forPath(uri.getPath()).orElse(null)).build();
            case 406 -> Problems.response(406, "not-acceptable", "Format de réponse indisponible",
                    "Cette ressource répond en application/json.");
            case 415 -> Problems.response(415, "unsupported-media-type", "Format non pris en charge",
                    "Le corps de la requête doit être en application/json.");
            default -> Problems.response(status, "http-" + status, e.getResponse().getStatusInfo().getReasonPhrase(),
                    e.getMessage());
        };
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        Response known = DatabaseRefusals.problem(e);
        if (known != null) {
            return known;
        }
        String correlationId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error, correlation id %s", correlationId);
        Response response = Problems.response(500, "internal", "Erreur inattendue",
                "Une erreur inattendue est survenue. Donnez la référence " + correlationId + " à l'équipe.");
        ((Problem) response.getEntity()).correlationId(correlationId);
        return response;
    }

    /** The JSON path of the invalid value, without the Java method and parameter names. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CROSS_PARAMETER || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getIndex() != null && field.length() > 0) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.length() > 0 ? field.toString() : "body";
    }

    private static String path(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.length() > 0 ? field.toString() : "body";
    }
}

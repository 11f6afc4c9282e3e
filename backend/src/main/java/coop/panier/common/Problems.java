package coop.panier.common;

import java.util.List;

import coop.panier.api.model.FieldError;
import coop.panier.api.model.Problem;
import jakarta.ws.rs.core.Response;

/** Builds RFC 9457 responses: the one error format of the API. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://panier.coop/problems/";

    private Problems() {
    }

    public static Response response(int status, String type, String title, String detail, List<FieldError> errors) {
        Problem problem = new Problem(TYPE_BASE + type, title, status).detail(detail).shortages(null);
        if (!errors.isEmpty()) {
            problem.errors(errors);
        } else {
            problem.errors(null);
        }
        return Response.status(status).type(MEDIA_TYPE).entity(problem).build();
    }

    public static Response response(int status, String type, String title, String detail) {
        return response(status, type, title, detail, List.of());
    }

    public static Response of(ProblemException e) {
        Response response = response(e.status(), e.type(), e.title(), e.getMessage(), e.errors());
        if (!e.shortages().isEmpty()) {
            ((Problem) response.getEntity()).shortages(e.shortages());
        }
        return response;
    }
}

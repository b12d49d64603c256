package io.contactimport.support.rest;

import io.contactimport.contracts.api.ApiError;
import io.contactimport.contracts.api.ApiException;
import io.contactimport.support.faults.TransientFailures;
import io.vertx.core.json.JsonObject;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one writer of the API's error body, {@code {"statusCode", "name", "message"}} as JSON, for every service: the
 * gateway answers its own errors with it and passes the owners' answers through unchanged. Whatever fails, the answer
 * is this JSON: a framework's 404 or 405, an unreadable body, a dependency that is down (503 with {@code Retry-After}),
 * or a bug (500, logged, never a stack trace).
 */
public class ApiErrorResponses {

    /** How long a client should wait before retrying an answer that said a dependency is down. */
    public static final int RETRY_AFTER_SECONDS = 5;
    public static final String UNAVAILABLE_MESSAGE =
            "A service this request needs is unavailable for a moment; nothing was changed. Try again shortly.";

    private static final Logger LOG = Logger.getLogger(ApiErrorResponses.class);
    private static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8");

    public static Response of(ApiError error) {
        Response.ResponseBuilder answer = Response.status(error.statusCode()).type(JSON).entity(body(error));
        if (error.statusCode() == 503) {
            answer.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return answer.build();
    }

    /** The body as JSON text, for answers written below the REST layer. */
    public static String json(ApiError error) {
        return new JsonObject(body(error)).encode();
    }

    /** A dependency is down: 503, to retry after {@link #RETRY_AFTER_SECONDS}. */
    public static ApiError unavailable() {
        return new ApiError(503, "application_error", UNAVAILABLE_MESSAGE);
    }

    /** The answer to a failure nobody mapped: 503 when a dependency is down, else 500. */
    public static ApiError ofUnexpected(Throwable failure) {
        if (TransientFailures.isTransient(failure)) {
            LOG.warnf("dependency unavailable: %s", failure.toString());
            return unavailable();
        }
        LOG.error("unexpected error", failure);
        return new ApiError(500, "application_error", "An unexpected error occurred.");
    }

    /** What a framework status means in the API's words. */
    public static ApiError ofStatus(int status, String detail) {
        return switch (status) {
            case 400 -> ApiError.validation("The request body could not be read: it is empty or not valid JSON.");
            case 415 -> ApiError.validation("The request body could not be read: send it as "
                    + "application/json (or multipart/form-data where a file is uploaded).");
            case 404 -> ApiError.notFound("The requested endpoint does not exist.");
            case 405 -> new ApiError(405, "method_not_allowed", "Method is not allowed for the requested path.");
            case 406 -> new ApiError(406, "validation_error", "This API answers in JSON: accept application/json.");
            case 413 -> new ApiError(413, "validation_error", "The request body is larger than this endpoint accepts.");
            case 503 -> unavailable();
            default -> status < 500 ? new ApiError(status, "validation_error", detail)
                    : new ApiError(500, "application_error", "An unexpected error occurred.");
        };
    }

    private static Map<String, Object> body(ApiError error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("statusCode", error.statusCode());
        body.put("name", error.name());
        body.put("message", error.message());
        return body;
    }

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return of(e.error());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return of(ofStatus(404, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return of(ofStatus(405, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        return ofWebApplication(e);
    }

    /** A framework's (or a REST client's) status exception: its status in the API's words. */
    public static Response ofWebApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return of(status >= 500 ? ofUnexpected(e) : ofStatus(status, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        return of(ofUnexpected(e));
    }
}

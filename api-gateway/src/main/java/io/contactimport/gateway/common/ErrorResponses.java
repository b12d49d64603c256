package io.contactimport.gateway.common;

import io.contactimport.contracts.api.ApiError;
import io.contactimport.contracts.api.ApiException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error the API answers is JSON in Resend's format; a 500 never shows a stack trace. */
public class ErrorResponses {

    private static final Logger LOG = Logger.getLogger(ErrorResponses.class);
    private static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8");

    public static Response of(ApiError error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("statusCode", error.statusCode());
        body.put("name", error.name());
        body.put("message", error.message());
        return Response.status(error.statusCode()).type(JSON).entity(body).build();
    }

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return of(e.error());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return of(ApiError.notFound("The requested endpoint does not exist."));
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return of(new ApiError(405, "method_not_allowed", "Method is not allowed for the requested path."));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 415 || status == 400) {
            return of(ApiError.validation("The request body could not be read: " + e.getMessage()));
        }
        if (status < 500) {
            return of(new ApiError(status, status == 404 ? "not_found" : "validation_error", e.getMessage()));
        }
        return unexpected(e);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.error("unexpected error", e);
        return of(new ApiError(500, "application_error", "An unexpected error occurred."));
    }
}

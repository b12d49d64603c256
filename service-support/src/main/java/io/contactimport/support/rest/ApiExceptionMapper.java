package io.contactimport.support.rest;

import io.contactimport.contracts.api.ApiException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers an {@link ApiException} in the API's error format, which the gateway passes through unchanged. */
public class ApiExceptionMapper {

    @ServerExceptionMapper
    public Response map(ApiException e) {
        return Response.status(e.error().statusCode())
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8"))
                .entity(Map.of("statusCode", e.error().statusCode(), "name", e.error().name(),
                        "message", e.error().message()))
                .build();
    }
}

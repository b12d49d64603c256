package io.contactimport.support.internal;

import io.contactimport.contracts.api.ApiError;
import io.contactimport.support.rest.ApiErrorResponses;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every path under {@code /internal/} (matched or not) needs the {@link ServiceCredential}: the owners answer for any
 * team id they are given, so only the services that checked the team may call them.
 */
public class InternalApiFilter {

    private final ServiceCredential credential;

    public InternalApiFilter(ServiceCredential credential) {
        this.credential = credential;
    }

    @ServerRequestFilter(preMatching = true)
    public Response requireCredential(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/internal/") && !path.equals("/internal")) {
            return null;
        }
        String presented = request.getHeaderString(ServiceCredential.HEADER);
        if (presented == null || presented.isBlank()) {
            return ApiErrorResponses.of(new ApiError(401, "missing_service_credential",
                    "Internal APIs need the service credential in the " + ServiceCredential.HEADER + " header."));
        }
        if (!credential.isShownBy(presented)) {
            return ApiErrorResponses.of(new ApiError(403, "invalid_service_credential",
                    "The service credential is not valid."));
        }
        return null;
    }
}

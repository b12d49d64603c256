package io.contactimport.gateway.routing.rest;

import io.contactimport.gateway.auth.ApiKeyFilter;
import io.contactimport.gateway.idempotency.service.Idempotency;
import io.contactimport.gateway.routing.service.OwnerProxy;
import io.contactimport.gateway.routing.service.OwnerProxy.Owner;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;

/**
 * The public paths whose data other services own: contacts, segments (and their {@code /audiences} alias),
 * topics and contact properties. Imports have their own resource; everything else here is routed as it is.
 */
@Path("/{resource: contacts|segments|audiences|topics|contact-properties}{rest: (/.*)?}")
@Consumes("*/*")
public class RoutedResource {

    private final OwnerProxy proxy;
    private final Idempotency idempotency;

    public RoutedResource(OwnerProxy proxy, Idempotency idempotency) {
        this.proxy = proxy;
        this.idempotency = idempotency;
    }

    @GET
    public Uni<Response> get(@Context ContainerRequestContext request) {
        return forward(request, null);
    }

    /** {@code POST /contacts} honours {@code Idempotency-Key}; a retried create answers as the first did. */
    @POST
    public Uni<Response> post(@Context ContainerRequestContext request, byte[] body) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        String key = request.getHeaderString(Idempotency.HEADER);
        if (key == null || !path.equals("/contacts")) {
            return forward(request, body);
        }
        String fingerprint = Idempotency.fingerprint("POST /contacts\n" + new String(body, StandardCharsets.UTF_8));
        return idempotency.run(ApiKeyFilter.team(request), key, fingerprint, () -> forward(request, body));
    }

    @PUT
    public Uni<Response> put(@Context ContainerRequestContext request, byte[] body) {
        return forward(request, body);
    }

    @PATCH
    public Uni<Response> patch(@Context ContainerRequestContext request, byte[] body) {
        return forward(request, body);
    }

    @DELETE
    public Uni<Response> delete(@Context ContainerRequestContext request) {
        return forward(request, null);
    }

    private Uni<Response> forward(ContainerRequestContext request, byte[] body) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        Owner owner = path.startsWith("/contact-properties") ? Owner.PROPERTY_SERVICE : Owner.ROW_PROCESSOR;
        if (path.startsWith("/audiences")) {
            path = "/segments" + path.substring("/audiences".length());
        }
        return proxy.forward(owner, request.getMethod(), ApiKeyFilter.team(request), path,
                request.getUriInfo().getRequestUri().getRawQuery(), request.getHeaderString("Content-Type"), body);
    }
}

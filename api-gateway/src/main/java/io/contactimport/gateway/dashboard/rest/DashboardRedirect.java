package io.contactimport.gateway.dashboard.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The dashboard is static files (META-INF/resources/dashboard, packaged by Maven) that call the public API with
 * the key the user signs in with; the root of the gateway leads a browser there.
 */
@Path("/")
public class DashboardRedirect {

    @GET
    @Operation(hidden = true)
    public Response root() {
        return Response.seeOther(URI.create("/dashboard/")).build();
    }
}

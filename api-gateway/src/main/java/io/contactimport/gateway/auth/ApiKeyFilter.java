package io.contactimport.gateway.auth;

import io.contactimport.contracts.api.ApiError;
import io.contactimport.support.rest.ApiErrorResponses;
import io.contactimport.support.observability.ImportLogContext;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Every API call names its team through {@code Authorization: Bearer re_…}. */
public class ApiKeyFilter {

    /** The request property holding the authenticated team's id. */
    public static final String TEAM = "contact-import.team";

    private final ApiKeys keys;

    public ApiKeyFilter(ApiKeys keys) {
        this.keys = keys;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Uni<Response> authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/q/") || path.equals("/")) {
            return Uni.createFrom().nullItem();
        }
        String header = request.getHeaderString("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.substring(7).isBlank()) {
            return Uni.createFrom().item(ApiErrorResponses.of(
                    new ApiError(401, "missing_api_key", "Missing API key in the authorization header.")));
        }
        return keys.teamOf(header.substring(7).trim()).map(team -> {
            if (team.isEmpty()) {
                return ApiErrorResponses.of(new ApiError(403, "invalid_api_key", "API key is invalid"));
            }
            request.setProperty(TEAM, team.get());
            ImportLogContext.enterTeam(team.get());
            return null;
        });
    }

    public static UUID team(ContainerRequestContext request) {
        return (UUID) request.getProperty(TEAM);
    }
}

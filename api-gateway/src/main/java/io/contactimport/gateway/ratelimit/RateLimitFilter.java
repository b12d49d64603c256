package io.contactimport.gateway.ratelimit;

import io.contactimport.contracts.api.ApiError;
import io.contactimport.gateway.auth.ApiKeyFilter;
import io.contactimport.support.rest.ApiErrorResponses;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Applies the team's rate limit after authentication and puts the {@code ratelimit-*} headers on every answer. */
public class RateLimitFilter {

    private static final String VERDICT = "contact-import.rate-limit";

    private final RateLimits limits;

    public RateLimitFilter(RateLimits limits) {
        this.limits = limits;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION + 1)
    public Uni<Response> limit(ContainerRequestContext request) {
        UUID team = ApiKeyFilter.team(request);
        if (team == null) {
            return Uni.createFrom().nullItem();
        }
        return limits.take(team).map(verdict -> {
            request.setProperty(VERDICT, verdict);
            if (verdict.allowed()) {
                return null;
            }
            return Response.fromResponse(ApiErrorResponses.of(new ApiError(429, "rate_limit_exceeded",
                            "Too many requests. You can only make " + verdict.limit() + " requests per second.")))
                    .header("retry-after", verdict.resetSeconds()).build();
        });
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(VERDICT) instanceof RateLimits.Verdict verdict) {
            response.getHeaders().putSingle("ratelimit-limit", verdict.limit());
            response.getHeaders().putSingle("ratelimit-remaining", verdict.remaining());
            response.getHeaders().putSingle("ratelimit-reset", verdict.resetSeconds());
        }
    }
}

package io.contactimport.gateway.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Requests per team per second, counted in one-second windows by this gateway instance (with several instances
 * behind a load balancer, each allows the limit; set it per instance accordingly).
 */
@ApplicationScoped
public class RateLimits {

    private final int limit;
    private final Map<UUID, Window> windows = new ConcurrentHashMap<>();

    public RateLimits(@ConfigProperty(name = "gateway.rate-limit.requests-per-second") int limit) {
        this.limit = limit;
    }

    /** The verdict on one request, with what the {@code ratelimit-*} headers say. */
    public record Verdict(boolean allowed, int limit, int remaining, long resetSeconds) {
    }

    public Verdict take(UUID teamId) {
        return take(teamId, System.currentTimeMillis());
    }

    Verdict take(UUID teamId, long nowMillis) {
        long second = nowMillis / 1000;
        Window window = windows.compute(teamId, (team, current) ->
                current == null || current.second != second ? new Window(second, 1) : new Window(second, current.used + 1));
        return new Verdict(window.used <= limit, limit, Math.max(0, limit - window.used), 1);
    }

    private record Window(long second, int used) {
    }
}

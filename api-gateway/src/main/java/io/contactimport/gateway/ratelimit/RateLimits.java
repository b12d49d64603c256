package io.contactimport.gateway.ratelimit;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Requests per team per second, counted in one-second windows in PostgreSQL, so the limit holds however many gateway
 * instances share the traffic: one statement per request, on an unlogged table, with the database's clock deciding
 * the window. Should PostgreSQL not answer, the request is let through: the limit protects the system, and a
 * database outage is answered by the calls that need it.
 */
@ApplicationScoped
public class RateLimits {

    private static final Logger LOG = Logger.getLogger(RateLimits.class);
    private static final String TAKE = """
            INSERT INTO gateway.rate_limit_windows AS w (team_id, window_start, used)
            VALUES ($1, date_trunc('second', clock_timestamp()), 1)
            ON CONFLICT (team_id) DO UPDATE SET
                used = CASE WHEN excluded.window_start > w.window_start THEN 1 ELSE w.used + 1 END,
                window_start = GREATEST(w.window_start, excluded.window_start)
            RETURNING used""";

    private final Pool pool;
    private final int limit;
    /** Whether the last count failed: an outage is logged once when it starts and once when it ends. */
    private final AtomicBoolean uncounted = new AtomicBoolean();

    public RateLimits(Pool pool, @ConfigProperty(name = "gateway.rate-limit.requests-per-second") int limit) {
        this.pool = pool;
        this.limit = limit;
    }

    /** The verdict on one request, with what the {@code ratelimit-*} headers say. */
    public record Verdict(boolean allowed, int limit, int remaining, long resetSeconds) {
    }

    public Uni<Verdict> take(UUID teamId) {
        return pool.preparedQuery(TAKE).execute(Tuple.of(teamId))
                .map(rows -> {
                    if (uncounted.compareAndSet(true, false)) {
                        LOG.info("rate limits are counted again");
                    }
                    return verdict(rows.iterator().next().getInteger("used"));
                })
                .onFailure().recoverWithItem(e -> {
                    if (uncounted.compareAndSet(false, true)) {
                        LOG.warnf("rate limits not counted (PostgreSQL: %s); letting requests through", e.toString());
                    }
                    return verdict(0);
                });
    }

    private Verdict verdict(int used) {
        return new Verdict(used <= limit, limit, Math.max(0, limit - used), 1);
    }
}

package io.contactimport.statusprojector.imports.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Imports as an operator watches them on {@code /q/metrics}: how many are queued and in progress, how many of those
 * made no progress for {@code projector.stalled-after} (stalled: something is down, or stuck), how many ended how,
 * and how long they took. The counts are read from the projection every 15 s; the ends are counted as they commit.
 */
@ApplicationScoped
public class ImportMetrics {

    private static final Logger LOG = Logger.getLogger(ImportMetrics.class);
    private static final String UNFINISHED = """
            SELECT count(*) FILTER (WHERE status = 'queued') AS queued,
                   count(*) FILTER (WHERE status = 'in_progress') AS in_progress,
                   count(*) FILTER (WHERE status = 'in_progress' AND coalesce(
                       (SELECT max(o.recorded_at) FROM status.batch_outcomes o WHERE o.import_id = i.id),
                       i.admitted_at, i.created_at) < now() - make_interval(mins => $1)) AS stalled
            FROM status.imports i WHERE status IN ('queued', 'in_progress')""";

    private final Pool pool;
    private final MeterRegistry registry;
    private final int stalledAfterMinutes;
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong inProgress = new AtomicLong();
    private final AtomicLong stalled = new AtomicLong();

    public ImportMetrics(Pool pool, MeterRegistry registry,
                         @ConfigProperty(name = "projector.stalled-after-minutes") int stalledAfterMinutes) {
        this.pool = pool;
        this.registry = registry;
        this.stalledAfterMinutes = stalledAfterMinutes;
        Gauge.builder("contact_imports.imports", queued, AtomicLong::get).tag("status", "queued")
                .description("Imports not ended, by status").register(registry);
        Gauge.builder("contact_imports.imports", inProgress, AtomicLong::get).tag("status", "in_progress")
                .description("Imports not ended, by status").register(registry);
        Gauge.builder("contact_imports.stalled", stalled, AtomicLong::get)
                .description("Imports in progress without a batch outcome for projector.stalled-after-minutes")
                .register(registry);
    }

    /** An import ended ({@code completed} or {@code failed}) after {@code took}. */
    public void ended(String status, Duration took) {
        Counter.builder("contact_imports.ended").description("Imports that ended, by status").tag("status", status)
                .register(registry).increment();
        Timer.builder("contact_imports.duration").description("From the request to the end").tag("status", status)
                .register(registry).record(took);
    }

    @Scheduled(every = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> readUnfinished() {
        return pool.preparedQuery(UNFINISHED).execute(Tuple.of(stalledAfterMinutes))
                .invoke(rows -> {
                    Row row = rows.iterator().next();
                    queued.set(row.getLong("queued"));
                    inProgress.set(row.getLong("in_progress"));
                    stalled.set(row.getLong("stalled"));
                })
                .replaceWithVoid()
                .onFailure().invoke(e -> LOG.debugf("import metrics not read: %s", e))
                .onFailure().recoverWithNull();
    }
}

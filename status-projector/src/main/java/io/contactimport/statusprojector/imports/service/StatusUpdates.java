package io.contactimport.statusprojector.imports.service;

import io.contactimport.contracts.batches.RowBatchProcessed;
import io.contactimport.contracts.imports.ColumnMap;
import io.contactimport.contracts.imports.ImportRequested;
import io.contactimport.contracts.imports.ImportSplit;
import io.contactimport.contracts.imports.TopicSubscription;
import io.contactimport.statusprojector.imports.events.ImportStatusPublisher;
import io.contactimport.statusprojector.imports.repository.ImportProjection;
import io.contactimport.statusprojector.imports.repository.ImportProjection.StatusChange;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Everything that changes an import's status: the three event streams and a team's cancellation. Each update is
 * written to the projection, then the status change (if any) is announced, after the commit.
 */
@ApplicationScoped
public class StatusUpdates {

    private static final Logger LOG = Logger.getLogger(StatusUpdates.class);

    private final ImportProjection projection;
    private final ImportStatusPublisher publisher;

    public StatusUpdates(ImportProjection projection, ImportStatusPublisher publisher) {
        this.projection = projection;
        this.publisher = publisher;
    }

    public Uni<Void> requested(ImportRequested event) {
        JsonArray segments = new JsonArray();
        for (UUID id : event.segmentIds()) {
            segments.add(new JsonObject().put("id", id.toString()));
        }
        JsonArray topics = new JsonArray();
        for (TopicSubscription topic : event.topics()) {
            topics.add(new JsonObject().put("id", topic.id().toString())
                    .put("subscription", topic.optIn() ? "opt_in" : "opt_out"));
        }
        return retried(() -> projection.requested(event, columnMapView(event.columnMap()), segments.encode(),
                        topics.encode())
                .chain(change -> publisher.publish(change.orElse(
                        new StatusChange(event.importId(), event.teamId(), "created")))));
    }

    public Uni<Void> split(ImportSplit event) {
        return retried(() -> projection.split(event)
                .chain(change -> publishChangeOrProgress(change, event.teamId(), event.importId())));
    }

    public Uni<Void> batchProcessed(RowBatchProcessed event) {
        return retried(() -> projection.batchProcessed(event)
                .chain(change -> publishChangeOrProgress(change, event.teamId(), event.importId())));
    }

    public Uni<Void> cancel(UUID importId) {
        return retried(() -> projection.canceled(importId).chain(this::publishIfChanged));
    }

    private Uni<Void> publishIfChanged(Optional<StatusChange> change) {
        return change.map(publisher::publish).orElse(Uni.createFrom().voidItem());
    }

    /** The counts (or the total) moved: the status change, which carries them, or else a progress event. */
    private Uni<Void> publishChangeOrProgress(Optional<StatusChange> change, UUID teamId, UUID importId) {
        return change.map(publisher::publish).orElseGet(() -> publisher.publishProgress(teamId, importId));
    }

    /** Updates are idempotent, so database or broker trouble is retried rather than stopping a channel. */
    private static Uni<Void> retried(Supplier<Uni<? extends Void>> update) {
        return Uni.createFrom().<Void>deferred(update)
                .onFailure().invoke(e -> LOG.warn("import status not updated yet, retrying", e))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).atMost(30);
    }

    /** The column map as the API shows it: snake_case keys, lower-case types. */
    static JsonObject columnMapView(ColumnMap map) {
        JsonObject properties = new JsonObject();
        map.properties().forEach((key, column) -> properties.put(key,
                new JsonObject().put("column", column.column()).put("type", column.type().apiValue())));
        return new JsonObject().put("email", map.email()).put("first_name", map.firstName())
                .put("last_name", map.lastName()).put("unsubscribed", map.unsubscribed())
                .put("properties", properties);
    }
}

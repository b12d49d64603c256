package io.contactimport.statusprojector.imports.events;

import io.contactimport.contracts.batches.RowBatchProcessed;
import io.contactimport.contracts.imports.ColumnMap;
import io.contactimport.contracts.imports.ImportRequested;
import io.contactimport.contracts.imports.ImportSplit;
import io.contactimport.contracts.imports.TopicSubscription;
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
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** The three event streams that make up an import's status; each handler is idempotent. */
@ApplicationScoped
public class ImportEventsConsumer {

    private static final Logger LOG = Logger.getLogger(ImportEventsConsumer.class);

    private final ImportProjection projection;
    private final ImportStatusPublisher publisher;

    public ImportEventsConsumer(ImportProjection projection, ImportStatusPublisher publisher) {
        this.projection = projection;
        this.publisher = publisher;
    }

    @Incoming("import-requested")
    public Uni<Void> onRequested(ImportRequested event) {
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

    @Incoming("import-splits")
    public Uni<Void> onSplit(ImportSplit event) {
        return retried(() -> projection.split(event).chain(this::publishIfChanged));
    }

    @Incoming("batch-outcomes")
    public Uni<Void> onBatchProcessed(RowBatchProcessed event) {
        return retried(() -> projection.batchProcessed(event).chain(this::publishIfChanged));
    }

    /** Handlers are idempotent, so database or broker trouble is retried rather than stopping the channel. */
    private static Uni<Void> retried(Supplier<Uni<? extends Void>> handler) {
        return Uni.createFrom().<Void>deferred(handler)
                .onFailure().invoke(e -> LOG.warn("import event not projected yet, retrying", e))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).atMost(30);
    }

    private Uni<Void> publishIfChanged(Optional<StatusChange> change) {
        return change.map(publisher::publish).orElse(Uni.createFrom().voidItem());
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

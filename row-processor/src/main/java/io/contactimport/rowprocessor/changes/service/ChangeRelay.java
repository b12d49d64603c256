package io.contactimport.rowprocessor.changes.service;

import io.contactimport.rowprocessor.changes.events.ContactChangePublisher;
import io.contactimport.rowprocessor.changes.repository.ChangeOutbox;
import io.contactimport.rowprocessor.changes.repository.ChangeOutbox.Entry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Sends the contacts API's changes from the outbox, oldest first, then deletes them, one instance at a time. A crash
 * or an outage between the send and the delete sends them again, with the same event ids (the outbox entry's id).
 */
@ApplicationScoped
public class ChangeRelay {

    static final int BATCH = 500;

    private static final Logger LOG = Logger.getLogger(ChangeRelay.class);

    private final Pool pool;
    private final ChangeOutbox outbox;
    private final ContactChangePublisher publisher;
    private final JsonFields fields;

    public ChangeRelay(Pool pool, ChangeOutbox outbox, ContactChangePublisher publisher, JsonFields fields) {
        this.pool = pool;
        this.outbox = outbox;
        this.publisher = publisher;
        this.fields = fields;
    }

    @Scheduled(every = "${contact-changes.relay-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> relay() {
        // No transaction around the send: each statement commits alone, and the send waits out an outage holding
        // only this connection and the relay's lock.
        return pool.withConnection(connection -> outbox.lockRelay(connection).flatMap(locked -> !locked
                ? Uni.createFrom().voidItem()
                : outbox.oldest(connection, BATCH)
                        .flatMap(entries -> entries.isEmpty() ? Uni.createFrom().voidItem()
                                : publisher.publish(entries.stream().map(this::change).toList())
                                        .chain(() -> outbox.delete(connection, entries)))
                        .eventually(() -> outbox.unlockRelay(connection))))
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("contact changes not relayed yet; the next run tries again: %s", failure);
                    return Uni.createFrom().voidItem();
                });
    }

    /** Its fields as PostgreSQL gives them back, written again compactly. */
    private ContactChange change(Entry entry) {
        Map<String, Object> changed = fields.read(entry.fieldsJson());
        return new ContactChange(entry.id().toString().getBytes(StandardCharsets.US_ASCII), entry.type(),
                entry.changedAt(), entry.teamId(), entry.contactId(), entry.email(), null,
                json -> json.writeObject(changed));
    }
}

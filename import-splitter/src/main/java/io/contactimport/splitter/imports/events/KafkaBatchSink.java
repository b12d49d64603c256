package io.contactimport.splitter.imports.events;

import io.contactimport.contracts.batches.RowBatch;
import io.contactimport.splitter.imports.service.BatchSink;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes the batches of one split to their bucket's partition, with a bounded number awaiting Kafka's
 * acknowledgement, so a fast file read cannot outrun the broker and fill the heap.
 */
final class KafkaBatchSink implements BatchSink {

    private final MutinyEmitter<RowBatch> emitter;
    private final int maxInFlight;
    private final Semaphore inFlight;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    KafkaBatchSink(MutinyEmitter<RowBatch> emitter, int maxInFlight) {
        this.emitter = emitter;
        this.maxInFlight = maxInFlight;
        this.inFlight = new Semaphore(maxInFlight);
    }

    @Override
    public void publish(RowBatch batch) {
        failIfAnyFailed();
        inFlight.acquireUninterruptibly();
        Message<RowBatch> message = Message.of(batch).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(Integer.toString(batch.bucket())).withPartition(batch.bucket()).build());
        Cancellable ignored = emitter.sendMessage(message).subscribe().with(
                done -> inFlight.release(),
                error -> {
                    failure.compareAndSet(null, error);
                    inFlight.release();
                });
    }

    @Override
    public void flush() {
        inFlight.acquireUninterruptibly(maxInFlight);
        inFlight.release(maxInFlight);
        failIfAnyFailed();
    }

    private void failIfAnyFailed() {
        Throwable error = failure.get();
        if (error != null) {
            throw new IllegalStateException("a row batch could not be published: " + error.getMessage(), error);
        }
    }
}

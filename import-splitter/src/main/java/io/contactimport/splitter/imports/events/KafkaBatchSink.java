package io.contactimport.splitter.imports.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactimport.contracts.imports.ImportRequested;
import io.contactimport.splitter.imports.service.BatchSink;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes the batches of one split to their bucket's partition, with a bounded number awaiting Kafka's
 * acknowledgement, so a fast file read cannot outrun the broker and fill the heap.
 */
final class KafkaBatchSink implements BatchSink<EncodedRowBatch> {

    private final MutinyEmitter<byte[]> emitter;
    private final ObjectMapper json;
    private final int maxInFlight;
    private final Semaphore inFlight;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    KafkaBatchSink(MutinyEmitter<byte[]> emitter, ObjectMapper json, int maxInFlight) {
        this.emitter = emitter;
        this.json = json;
        this.maxInFlight = maxInFlight;
        this.inFlight = new Semaphore(maxInFlight);
    }

    @Override
    public EncodedRowBatch open(ImportRequested request, List<String> header, int bucket, int sequence) {
        return new EncodedRowBatch(json, request, header, bucket, sequence);
    }

    @Override
    public void publish(EncodedRowBatch batch) {
        failIfAnyFailed();
        inFlight.acquireUninterruptibly();
        Message<byte[]> message = Message.of(batch.finish()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
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

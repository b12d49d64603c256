package io.contactimport.contracts.batches;

import java.util.UUID;

/** The outcome of applying one row batch. Re-published unchanged when the batch is delivered again. */
public record RowBatchProcessed(UUID importId, UUID teamId, int bucket, int sequence,
                                int created, int updated, int skipped, int failed) {

    public int rows() {
        return created + updated + skipped + failed;
    }
}

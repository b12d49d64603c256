package io.contactimport.contracts.batches;

import io.contactimport.contracts.imports.ColumnMap;
import io.contactimport.contracts.imports.OnConflict;
import io.contactimport.contracts.imports.TopicSubscription;
import java.util.List;
import java.util.UUID;

/**
 * Rows of one import that share a bucket, in file order. (importId, bucket, sequence) names the batch:
 * the same file always yields the same batches, so a redelivered or re-split batch is recognised.
 */
public record RowBatch(UUID importId, UUID teamId, int bucket, int sequence, OnConflict onConflict,
                       List<String> header, ColumnMap columnMap, List<UUID> segmentIds,
                       List<TopicSubscription> topics, List<Row> rows) {

    public RowBatch {
        segmentIds = segmentIds == null ? List.of() : List.copyOf(segmentIds);
        topics = topics == null ? List.of() : List.copyOf(topics);
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /**
     * One data row: its 1-based row number in the file (the header is row 0) and its cells in header order.
     * {@code malformed} is set when the row's field count differs from the header's; its cells are kept
     * as read so the user can fix them.
     */
    public record Row(long number, List<String> cells, boolean malformed) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    /** The batch's identity, as stored in the ledgers of row-processor and status-projector. */
    public String id() {
        return importId + "/" + bucket + "/" + sequence;
    }
}

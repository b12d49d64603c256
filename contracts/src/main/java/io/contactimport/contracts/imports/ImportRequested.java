package io.contactimport.contracts.imports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A team uploaded a file and asked for it to be imported; the file waits in object storage under {@code objectKey}. */
public record ImportRequested(UUID importId, UUID teamId, String objectKey, String fileName, long fileSize,
                              ColumnMap columnMap, OnConflict onConflict, List<UUID> segmentIds,
                              List<TopicSubscription> topics, Instant requestedAt) {

    public ImportRequested {
        segmentIds = segmentIds == null ? List.of() : List.copyOf(segmentIds);
        topics = topics == null ? List.of() : List.copyOf(topics);
    }
}

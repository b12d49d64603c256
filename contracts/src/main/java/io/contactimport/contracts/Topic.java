package io.contactimport.contracts;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every Kafka topic of the system, with its single producer and the partition count it is created with.
 * The local stack and the Helm chart create topics from this list, so a name can never drift between
 * producer and consumer.
 */
public enum Topic {
    /** api-gateway → import-splitter, status-projector. Key: import id. */
    IMPORT_REQUESTED("contact-imports.requested", 3),
    /**
     * status-projector → import-splitter: the import may start now (its team has fewer imports running than allowed).
     * Key: import id.
     */
    IMPORT_ADMITTED("contact-imports.admitted", 3),
    /**
     * import-splitter → row-processor: the bulk lane, batches of large files. Key: bucket; partition = bucket, so one
     * email's rows stay in file order.
     */
    ROW_BATCHES("contact-imports.row-batches", 12),
    /**
     * import-splitter → row-processor: the express lane, batches of small files, consumed apart from the bulk lane so
     * that a small import never waits behind a large one. All of an import's rows share one bucket (= partition).
     */
    EXPRESS_ROW_BATCHES("contact-imports.row-batches.express", 12),
    /** import-splitter → status-projector: the file was read (or could not be). Key: import id. */
    IMPORT_SPLITS("contact-imports.splits", 3),
    /** row-processor → status-projector: one outcome per applied batch. Key: import id. */
    BATCH_OUTCOMES("contact-imports.batch-outcomes", 6),
    /** status-projector → downstream (CloudEvents): an import's status changed. Key: import id. */
    IMPORT_STATUS("contact-imports.status", 3);

    private final String topicName;
    private final int partitions;

    Topic(String topicName, int partitions) {
        this.topicName = topicName;
        this.partitions = partitions;
    }

    public String topicName() {
        return topicName;
    }

    public int partitions() {
        return partitions;
    }

    public static Optional<Topic> byName(String name) {
        return Arrays.stream(values()).filter(t -> t.topicName.equals(name)).findFirst();
    }
}

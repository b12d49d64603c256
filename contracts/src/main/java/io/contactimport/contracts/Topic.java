package io.contactimport.contracts;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every Kafka topic of the system, with its single producer, the partition count it is created with, the largest
 * message it must take ({@code max.message.bytes}) and how long it keeps records ({@code retention.ms}). The local
 * stack creates topics from this list and the Helm chart's {@code files/topics.json} is tested against it, so a name
 * or a setting can never drift between producer, consumer and cluster; each service checks the topics it uses
 * against the broker when it starts (service-support {@code kafka/TopicCheck}).
 */
public enum Topic {
    /** api-gateway → import-splitter, status-projector. Key: import id. */
    IMPORT_REQUESTED("contact-imports.requested", 3, Limits.MESSAGE_BYTES, Limits.WEEK),
    /**
     * status-projector → import-splitter: the import may start now (its team has fewer imports running than allowed).
     * Key: import id.
     */
    IMPORT_ADMITTED("contact-imports.admitted", 3, Limits.MESSAGE_BYTES, Limits.WEEK),
    /**
     * import-splitter → row-processor: the bulk lane, batches of large files. Key: bucket; partition = bucket, so one
     * email's rows stay in file order.
     */
    ROW_BATCHES("contact-imports.row-batches", 12, Limits.BATCH_BYTES, Limits.ROW_DATA),
    /**
     * import-splitter → row-processor: the express lane, batches of small files, consumed apart from the bulk lane so
     * that a small import never waits behind a large one. All of an import's rows share one bucket (= partition).
     */
    EXPRESS_ROW_BATCHES("contact-imports.row-batches.express", 12, Limits.BATCH_BYTES, Limits.ROW_DATA),
    /** import-splitter → status-projector: the file was read (or could not be). Key: import id. */
    IMPORT_SPLITS("contact-imports.splits", 3, Limits.MESSAGE_BYTES, Limits.WEEK),
    /** row-processor → status-projector: one outcome per applied batch. Key: import id. */
    BATCH_OUTCOMES("contact-imports.batch-outcomes", 6, Limits.MESSAGE_BYTES, Limits.WEEK),
    /** status-projector → downstream (CloudEvents): an import's status changed. Key: import id. */
    IMPORT_STATUS("contact-imports.status", 3, Limits.MESSAGE_BYTES, Limits.WEEK),
    /**
     * row-processor → downstream (CloudEvents {@code contact.created|updated|deleted}, data
     * {@link io.contactimport.contracts.changes.ContactChanged}): a contact changed, by an import or the contacts
     * API. Key: contact id, so one contact's events stay in order.
     */
    CONTACT_CHANGES("contacts.changes", 12, Limits.MESSAGE_BYTES, Limits.WEEK);

    private final String topicName;
    private final int partitions;
    private final int maxMessageBytes;
    private final Duration retention;

    Topic(String topicName, int partitions, int maxMessageBytes, Duration retention) {
        this.topicName = topicName;
        this.partitions = partitions;
        this.maxMessageBytes = maxMessageBytes;
        this.retention = retention;
    }

    private static final class Limits {
        /** Kafka's own default. */
        static final int MESSAGE_BYTES = 1024 * 1024;
        /** A batch of 5,000 wide rows; the splitter's producers send up to this ({@code max.request.size}). */
        static final int BATCH_BYTES = 8 * 1024 * 1024;
        static final Duration WEEK = Duration.ofDays(7);
        /**
         * Row batches are the uploaded file's personal data in transit: kept long enough to outlast a weekend-long
         * outage of the row-processors (a batch is applied from here), not for a week.
         */
        static final Duration ROW_DATA = Duration.ofDays(3);
    }

    public String topicName() {
        return topicName;
    }

    public int partitions() {
        return partitions;
    }

    /** The topic's {@code max.message.bytes}: no producer of it sends more. */
    public int maxMessageBytes() {
        return maxMessageBytes;
    }

    /** The topic's {@code retention.ms}. */
    public Duration retention() {
        return retention;
    }

    public static Optional<Topic> byName(String name) {
        return Arrays.stream(values()).filter(t -> t.topicName.equals(name)).findFirst();
    }
}

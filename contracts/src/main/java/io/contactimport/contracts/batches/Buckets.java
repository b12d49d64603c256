package io.contactimport.contracts.batches;

import io.contactimport.contracts.Topic;
import java.util.Locale;
import java.util.UUID;

/**
 * Which bucket (and so which row-batches partition) a row belongs to. All rows of one team's email share a bucket,
 * whatever the import, so they are applied by one consumer in file order.
 */
public final class Buckets {

    /** One bucket per partition of the row-batches topic; bucket n is published to partition n. */
    public static final int COUNT = Topic.ROW_BATCHES.partitions();

    private Buckets() {
    }

    /** The form emails are compared in: trimmed and lower-cased. */
    public static String normaliseEmail(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    public static int of(UUID teamId, String email) {
        int hash = teamId.hashCode() * 31 + normaliseEmail(email).hashCode();
        return Math.floorMod(hash ^ (hash >>> 16), COUNT);
    }
}

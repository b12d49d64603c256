package io.contactimport.contracts.batches;

import io.contactimport.contracts.Topic;
import java.util.Locale;
import java.util.UUID;

/**
 * Which bucket (and so which row-batches partition) a row belongs to. In the bulk lane all rows of one team's email
 * share a bucket, so they are applied by one consumer in file order; in the express lane all rows of one import do.
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

    /** The bucket of an express-lane import: one for all its rows, so they are applied in file order. */
    public static int ofImport(UUID importId) {
        return spread(importId.hashCode());
    }

    public static int of(UUID teamId, String email) {
        return spread(teamId.hashCode() * 31 + normaliseEmail(email).hashCode());
    }

    /** The hash's high bits folded into the low ones, then the bucket. */
    private static int spread(int hash) {
        return Math.floorMod(hash ^ (hash >>> 16), COUNT);
    }
}

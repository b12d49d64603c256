package io.contactimport.contracts.imports;

import java.util.Locale;

/**
 * The two lanes an import's row batches travel in, each a topic of its own with consumers of its own: a small file
 * goes to the express lane, so its few batches never queue behind the thousands of a large file in the bulk lane.
 * Decided once, when the import is requested, by the size of its file.
 */
public enum Lane {
    /** Rows bucketed by email across all partitions: one email's rows meet one consumer, in file order. */
    BULK,
    /** All rows of an import in one bucket: applied in file order, in as few transactions as possible. */
    EXPRESS;

    /** @param expressMaxBytes the largest file that takes the express lane */
    public static Lane of(long fileSize, long expressMaxBytes) {
        return fileSize <= expressMaxBytes ? EXPRESS : BULK;
    }

    /** As the projection stores it. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Lane ofDbValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

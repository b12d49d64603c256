package io.contactimport.contracts.imports;

import java.util.UUID;

/**
 * The splitter finished reading an import's file: every row is in one of {@code batchCount} batches.
 * A non-null {@code error} means the file could not be read to the end; the import fails with it.
 */
public record ImportSplit(UUID importId, UUID teamId, long totalRows, int batchCount, Failure error) {

    public record Failure(String name, String message) {
    }

    public static ImportSplit completed(UUID importId, UUID teamId, long totalRows, int batchCount) {
        return new ImportSplit(importId, teamId, totalRows, batchCount, null);
    }

    public static ImportSplit failed(UUID importId, UUID teamId, long rowsSoFar, int batchesSoFar,
                                     String name, String message) {
        return new ImportSplit(importId, teamId, rowsSoFar, batchesSoFar, new Failure(name, message));
    }
}

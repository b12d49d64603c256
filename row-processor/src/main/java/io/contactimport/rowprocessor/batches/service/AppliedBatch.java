package io.contactimport.rowprocessor.batches.service;

import io.contactimport.contracts.batches.RowBatchProcessed;
import io.contactimport.rowprocessor.changes.service.ContactChange;
import java.util.List;

/** A batch in the database: its counts, and the contact changes to announce, in file order. */
public record AppliedBatch(RowBatchProcessed outcome, List<ContactChange> changes) {
}

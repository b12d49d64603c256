package io.contactimport.rowprocessor.changes.service;

import com.fasterxml.jackson.databind.util.RawValue;
import io.contactimport.contracts.batches.RowBatch;
import io.contactimport.contracts.changes.ContactChangeType;
import io.contactimport.contracts.changes.ContactChanged;
import io.contactimport.rowprocessor.batches.repository.BatchLedger;
import io.contactimport.rowprocessor.contacts.repository.ContactUpsert.AppliedRow;
import io.contactimport.rowprocessor.contacts.service.ContactRow;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The contact changes an import's batch made, one per row that created or updated a contact, in file order. They
 * are derived from the batch's rows and its ledger (which row changed which contact, and how), so a redelivered
 * batch announces exactly the changes its first delivery made, with the same ids.
 */
@ApplicationScoped
public class ImportChanges {

    /** The rows that changed a contact, in file order: what the ledger keeps. */
    public static List<AppliedRow> inFileOrder(List<AppliedRow> applied) {
        List<AppliedRow> ordered = new ArrayList<>(applied);
        ordered.sort(Comparator.comparingLong(change -> change.row().number()));
        return ordered;
    }

    /** @param applied in file order, as {@link #inFileOrder} gives them */
    public List<ContactChange> of(RowBatch batch, List<AppliedRow> applied, OffsetDateTime committedAt) {
        List<ContactChange> changes = new ArrayList<>(applied.size());
        String idPrefix = batch.importId() + ":";
        for (AppliedRow change : applied) {
            ContactRow row = change.row();
            ContactChangeType type = change.created() ? ContactChangeType.CREATED : ContactChangeType.UPDATED;
            ContactChanged data = new ContactChanged(batch.teamId(), change.contactId(), row.email(),
                    batch.importId(), change.created() ? allFields(row) : givenFields(row));
            changes.add(new ContactChange(idPrefix + row.number(), type, committedAt, data));
        }
        return changes;
    }

    /** The changes as the ledger stored them, for the batch's valid rows as read again. */
    public List<ContactChange> stored(RowBatch batch, List<ContactRow> validRows, Long[] rowNumbers,
                                      UUID[] contactIds, String kinds, OffsetDateTime committedAt) {
        Map<Long, ContactRow> byNumber = new HashMap<>();
        validRows.forEach(row -> byNumber.put(row.number(), row));
        List<AppliedRow> applied = new ArrayList<>(rowNumbers.length);
        for (int i = 0; i < rowNumbers.length; i++) {
            boolean created = kinds.charAt(i) == BatchLedger.CREATED;
            applied.add(new AppliedRow(byNumber.get(rowNumbers[i]), contactIds[i], created));
        }
        return of(batch, applied, committedAt);
    }

    /** A created contact: every field, as stored. */
    private static Map<String, Object> allFields(ContactRow row) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("first_name", row.firstName());
        fields.put("last_name", row.lastName());
        fields.put("unsubscribed", Boolean.TRUE.equals(row.unsubscribed()));
        fields.put("properties", row.propertiesJson() == null ? Map.of() : properties(row.propertiesJson()));
        return fields;
    }

    /** An updated contact: the fields the row gave (an empty cell leaves a field as it was). */
    private static Map<String, Object> givenFields(ContactRow row) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (row.firstName() != null) {
            fields.put("first_name", row.firstName());
        }
        if (row.lastName() != null) {
            fields.put("last_name", row.lastName());
        }
        if (row.unsubscribed() != null) {
            fields.put("unsubscribed", row.unsubscribed());
        }
        if (row.propertiesJson() != null) {
            fields.put("properties", properties(row.propertiesJson()));
        }
        return fields;
    }

    /** Written into the event as they are: valid JSON already, and parsing a million of them showed. */
    private static RawValue properties(String propertiesJson) {
        return new RawValue(propertiesJson);
    }
}

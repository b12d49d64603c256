package io.contactimport.rowprocessor.changes.service;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import io.contactimport.contracts.batches.RowBatch;
import io.contactimport.contracts.changes.ContactChangeType;
import io.contactimport.rowprocessor.batches.repository.BatchLedger;
import io.contactimport.rowprocessor.contacts.repository.ContactUpsert.AppliedRow;
import io.contactimport.rowprocessor.contacts.service.ContactRow;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
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

    private static final SerializableString FIRST_NAME = new SerializedString("first_name");
    private static final SerializableString LAST_NAME = new SerializedString("last_name");
    private static final SerializableString UNSUBSCRIBED = new SerializedString("unsubscribed");
    private static final SerializableString PROPERTIES = new SerializedString("properties");

    /** The rows that changed a contact, in file order: what the ledger keeps. */
    public static List<AppliedRow> inFileOrder(List<AppliedRow> applied) {
        List<AppliedRow> ordered = new ArrayList<>(applied);
        ordered.sort(Comparator.comparingLong(change -> change.row().number()));
        return ordered;
    }

    /** @param applied in file order, as {@link #inFileOrder} gives them */
    public List<ContactChange> of(RowBatch batch, List<AppliedRow> applied, OffsetDateTime committedAt) {
        byte[] idPrefix = (batch.importId() + ":").getBytes(StandardCharsets.US_ASCII);
        List<ContactChange> changes = new ArrayList<>(applied.size());
        for (AppliedRow change : applied) {
            ContactRow row = change.row();
            boolean created = change.created();
            changes.add(new ContactChange(eventId(idPrefix, row.number()),
                    created ? ContactChangeType.CREATED : ContactChangeType.UPDATED, committedAt, batch.teamId(),
                    change.contactId(), row.email(), batch.importId(), json -> writeFields(row, created, json)));
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

    /** The import's id, a colon and the row's number, written into one array: a million ids are made. */
    private static byte[] eventId(byte[] importPrefix, long rowNumber) {
        int digits = 1;
        for (long rest = rowNumber / 10; rest > 0; rest /= 10) {
            digits++;
        }
        byte[] id = Arrays.copyOf(importPrefix, importPrefix.length + digits);
        long rest = rowNumber;
        for (int i = id.length - 1; i >= importPrefix.length; i--, rest /= 10) {
            id[i] = (byte) ('0' + rest % 10);
        }
        return id;
    }

    /**
     * A created contact has every field, as stored; an updated one only the fields its row gave (an empty cell
     * leaves a field as it was).
     */
    private static void writeFields(ContactRow row, boolean created, JsonGenerator json) throws IOException {
        json.writeStartObject();
        if (created || row.firstName() != null) {
            json.writeFieldName(FIRST_NAME);
            json.writeString(row.firstName());
        }
        if (created || row.lastName() != null) {
            json.writeFieldName(LAST_NAME);
            json.writeString(row.lastName());
        }
        if (created || row.unsubscribed() != null) {
            json.writeFieldName(UNSUBSCRIBED);
            json.writeBoolean(Boolean.TRUE.equals(row.unsubscribed()));
        }
        if (row.propertiesJson() != null) {
            // Valid JSON already: parsing a million of them again showed in a profile.
            json.writeFieldName(PROPERTIES);
            json.writeRawValue(row.propertiesJson());
        } else if (created) {
            json.writeFieldName(PROPERTIES);
            json.writeStartObject();
            json.writeEndObject();
        }
        json.writeEndObject();
    }
}

package io.contactimport.rowprocessor.changes.service;

import com.fasterxml.jackson.core.JsonGenerator;
import io.contactimport.contracts.changes.ContactChangeType;
import io.contactimport.contracts.changes.ContactChanged;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One change to announce as a CloudEvent whose data is a {@link ContactChanged}. An import announces a million of
 * them, so the changed fields are not a map built for each: {@code fields} writes them straight into the event.
 *
 * @param id       the event's id, as the bytes of its {@code ce_id} header: the same every time this change is
 *                 announced again, so a consumer drops a duplicate by it
 * @param time     when the change committed
 * @param importId the import whose row made the change; null for the contacts API
 */
public record ContactChange(byte[] id, ContactChangeType type, OffsetDateTime time, UUID teamId, UUID contactId,
                            String email, UUID importId, FieldsWriter fields) {

    /** Writes {@link ContactChanged#fields()}: a JSON object of the fields the change wrote, with their new values. */
    @FunctionalInterface
    public interface FieldsWriter {
        void writeTo(JsonGenerator json) throws IOException;
    }
}

package io.contactimport.rowprocessor.changes.service;

import com.fasterxml.jackson.core.JsonGenerator;
import io.contactimport.contracts.changes.ContactChangeType;
import io.contactimport.contracts.changes.ContactChanged;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One change to announce as a CloudEvent whose data is a {@link ContactChanged}. An import announces a million of
 * them, so a change is a view of what made it (an applied row, an outbox entry), written straight into its Kafka
 * record, rather than a {@link ContactChanged} with a map of fields built for each.
 */
public interface ContactChange {

    /**
     * The event's id, as the bytes of its {@code ce_id} header: the same every time this change is announced again,
     * so a consumer drops a duplicate by it.
     */
    byte[] id();

    ContactChangeType type();

    /** When the change committed. */
    OffsetDateTime time();

    UUID teamId();

    UUID contactId();

    String email();

    /** The import whose row made the change; null for the contacts API. */
    UUID importId();

    /** Writes {@link ContactChanged#fields()}: a JSON object of the fields the change wrote, with their new values. */
    void writeFields(JsonGenerator json) throws IOException;
}

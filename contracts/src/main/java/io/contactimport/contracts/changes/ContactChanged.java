package io.contactimport.contracts.changes;

import java.util.Map;
import java.util.UUID;

/**
 * The data of a {@code contacts.changes} CloudEvent: one contact of a team was created, updated or deleted
 * ({@link ContactChangeType}, the event's {@code ce_type}). {@code fields} holds the fields the change wrote, with
 * their new values: {@code first_name}, {@code last_name} (a string, or null when cleared), {@code unsubscribed},
 * and {@code properties} (the properties written; a removed one is null). A created contact has all of its fields;
 * a deleted one none. {@code importId} names the import whose row made the change, null for the contacts API.
 */
public record ContactChanged(UUID teamId, UUID contactId, String email, UUID importId, Map<String, Object> fields) {
}

package io.contactimport.rowprocessor.changes.service;

import io.contactimport.contracts.changes.ContactChangeType;
import io.contactimport.contracts.changes.ContactChanged;
import java.time.OffsetDateTime;

/**
 * One change to announce as a CloudEvent: {@code id} is the same every time this change is announced again, so a
 * consumer drops a duplicate by it; {@code time} is when the change committed.
 */
public record ContactChange(String id, ContactChangeType type, OffsetDateTime time, ContactChanged data) {
}

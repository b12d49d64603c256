package io.contactimport.contracts.imports;

import java.time.Instant;

/**
 * An import may start, in its lane: its team had fewer imports of that lane running than it may run at once.
 * Announced by the status-projector (which knows what runs) after the admission committed; the splitter starts on it.
 */
public record ImportAdmitted(ImportRequested request, Lane lane, Instant admittedAt) {
}

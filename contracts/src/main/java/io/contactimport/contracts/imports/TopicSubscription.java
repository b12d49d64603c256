package io.contactimport.contracts.imports;

import java.util.UUID;

/** A topic every imported contact is subscribed to ({@code opt_in}) or unsubscribed from ({@code opt_out}). */
public record TopicSubscription(UUID id, boolean optIn) {
}

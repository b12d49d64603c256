package io.contactimport.gateway.imports.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.contactimport.contracts.imports.ImportStatusChanged;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * The latest view of recent imports, as the projector announced them on {@code contact-imports.status}: a status
 * poll is answered from here, without a call to the projector and its database. A running import is announced at
 * least once per batch; a view not renewed for {@link #KEPT} is dropped, so a gateway that missed events (say, while
 * Kafka was away) is never stale for longer. An import not here (not heard of yet, ended a while ago, or canceled
 * through this gateway) is read from the projector.
 */
@ApplicationScoped
public class LiveImports {

    private static final int BYPASSED = Integer.MAX_VALUE;

    /** @param rank how far the import got (queued, in progress, ended); {@code BYPASSED}: not served from here */
    private record View(UUID teamId, ImportStatusChanged contactImport, int rank, long processed) {

        /** Events of one import can arrive late or twice: a view never goes back to an earlier state. */
        static View newer(View known, View arrived) {
            if (known.rank == BYPASSED) {
                return known;
            }
            boolean older = arrived.rank < known.rank || arrived.rank == known.rank && arrived.processed < known.processed;
            return older ? known : arrived;
        }
    }

    static final Duration KEPT = Duration.ofSeconds(30);

    private final Cache<UUID, View> views = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(KEPT)
            .build();

    /** An import object from the status topic, with its {@code team_id}. */
    public void announced(ImportStatusChanged event) {
        View arrived = new View(event.teamId(), event.withoutTeam(), rank(event.status()),
                event.counts().processed());
        views.asMap().merge(event.id(), arrived, View::newer);
    }

    public Optional<ImportStatusChanged> find(UUID teamId, UUID importId) {
        View view = views.getIfPresent(importId);
        if (view == null || view.rank == BYPASSED || !view.teamId.equals(teamId)) {
            return Optional.empty();
        }
        return Optional.of(view.contactImport);
    }

    /** From now on this import is read from the projector: a cancellation must be visible at once to its caller. */
    public void bypass(UUID importId) {
        views.put(importId, new View(null, null, BYPASSED, 0));
    }

    private static int rank(ImportStatusChanged.Status status) {
        return switch (status) {
            case QUEUED -> 0;
            case IN_PROGRESS -> 1;
            case COMPLETED, FAILED -> 2;
        };
    }
}

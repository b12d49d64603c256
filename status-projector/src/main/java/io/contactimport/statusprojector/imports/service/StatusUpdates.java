package io.contactimport.statusprojector.imports.service;

import io.contactimport.contracts.batches.RowBatchProcessed;
import io.contactimport.contracts.imports.ImportRequested;
import io.contactimport.contracts.imports.ImportSplit;
import io.contactimport.statusprojector.imports.repository.ImportProjection;
import io.contactimport.support.faults.Outages;
import io.contactimport.support.faults.TransientFailures;
import io.smallrye.faulttolerance.api.BeforeRetry;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.faulttolerance.api.RetryWhen;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.jboss.logging.Logger;

/**
 * Everything that changes an import's status: the three event streams and a team's cancellation. Each update is
 * written to the projection, then announced from what is stored (StatusAnnouncements), after the commit, and so are
 * the admissions it made (AdmissionAnnouncements: a request, or an import that ended, lets the team's next start).
 * The event updates are idempotent, so an outage of PostgreSQL or Kafka is waited out by doing them again.
 */
@ApplicationScoped
public class StatusUpdates {

    private static final Logger LOG = Logger.getLogger(StatusUpdates.class);

    private final ImportProjection projection;
    private final StatusAnnouncements announcements;
    private final AdmissionAnnouncements admissions;

    public StatusUpdates(ImportProjection projection, StatusAnnouncements announcements,
                         AdmissionAnnouncements admissions) {
        this.projection = projection;
        this.announcements = announcements;
        this.admissions = admissions;
    }

    @Retry(maxRetries = -1, delay = Outages.FIRST_DELAY_MS, maxDuration = Outages.MAX_WAIT_MINUTES,
            durationUnit = ChronoUnit.MINUTES, jitter = Outages.JITTER_MS)
    @ExponentialBackoff(maxDelay = Outages.MAX_DELAY_SECONDS, maxDelayUnit = ChronoUnit.SECONDS)
    @RetryWhen(exception = TransientFailures.Predicate.class)
    @BeforeRetry(Outages.LogWait.class)
    public Uni<Void> requested(ImportRequested event) {
        return projection.requested(event, admissions.keep(event))
                .chain(() -> announcements.announce(event.teamId(), event.importId(), false))
                .chain(() -> admissions.announce(event.teamId()));
    }

    @Retry(maxRetries = -1, delay = Outages.FIRST_DELAY_MS, maxDuration = Outages.MAX_WAIT_MINUTES,
            durationUnit = ChronoUnit.MINUTES, jitter = Outages.JITTER_MS)
    @ExponentialBackoff(maxDelay = Outages.MAX_DELAY_SECONDS, maxDelayUnit = ChronoUnit.SECONDS)
    @RetryWhen(exception = TransientFailures.Predicate.class)
    @BeforeRetry(Outages.LogWait.class)
    public Uni<Void> split(ImportSplit event) {
        return projection.split(event).chain(() -> announcements.announce(event.teamId(), event.importId(), true))
                .chain(() -> admissions.announce(event.teamId()));
    }

    @Retry(maxRetries = -1, delay = Outages.FIRST_DELAY_MS, maxDuration = Outages.MAX_WAIT_MINUTES,
            durationUnit = ChronoUnit.MINUTES, jitter = Outages.JITTER_MS)
    @ExponentialBackoff(maxDelay = Outages.MAX_DELAY_SECONDS, maxDelayUnit = ChronoUnit.SECONDS)
    @RetryWhen(exception = TransientFailures.Predicate.class)
    @BeforeRetry(Outages.LogWait.class)
    public Uni<Void> batchProcessed(RowBatchProcessed event) {
        return projection.batchProcessed(event)
                .chain(() -> announcements.announce(event.teamId(), event.importId(), true))
                .chain(() -> admissions.announce(event.teamId()));
    }

    /**
     * A team's request, answered at once (503 while PostgreSQL is down). Once stored, the cancellation is announced;
     * should Kafka not take it now, the sweeper does later.
     */
    public Uni<Void> cancel(UUID teamId, UUID importId) {
        return projection.canceled(teamId, importId).chain(() -> announcements.announce(teamId, importId, false)
                .chain(() -> admissions.announce(teamId))
                .onFailure().invoke(e -> LOG.warnf("cancellation of %s stored, announced later: %s", importId, e))
                .onFailure().recoverWithNull());
    }
}

package io.contactimport.support.faults;

import io.micrometer.core.instrument.Metrics;
import io.smallrye.faulttolerance.api.BeforeRetryHandler;
import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.jboss.logging.Logger;

/**
 * How the services wait out a dependency that is down (PostgreSQL restarting or failing over, the broker, the object
 * store, another service): every consumer's work is guarded by
 *
 * <pre>
 * &#64;Retry(maxRetries = -1, delay = Outages.FIRST_DELAY_MS, maxDuration = Outages.MAX_WAIT_MINUTES,
 *        durationUnit = ChronoUnit.MINUTES, jitter = Outages.JITTER_MS)
 * &#64;ExponentialBackoff(maxDelay = Outages.MAX_DELAY_SECONDS, maxDelayUnit = ChronoUnit.SECONDS)
 * &#64;RetryWhen(exception = TransientFailures.Predicate.class)
 * &#64;BeforeRetry(Outages.LogWait.class)
 * </pre>
 *
 * Only transient failures are waited out; anything else is the caller's to report. The ceiling is
 * {@code OUTAGE_MAX_WAIT_MINUTES} (set through {@code quarkus.fault-tolerance.global.retry.max-duration}): past it the
 * failure surfaces, the channel fails and the liveness check says so, for Kubernetes to restart the pod and the
 * unacknowledged event to be delivered again.
 */
public final class Outages {

    public static final long FIRST_DELAY_MS = 200;
    public static final long JITTER_MS = 100;
    public static final long MAX_DELAY_SECONDS = 15;
    public static final long MAX_WAIT_MINUTES = 30;

    private Outages() {
    }

    /**
     * One line per wait, naming what is being waited for and why, and one count on
     * {@code contact_imports_retries_total{operation, cause}} (the cause: the root failure's class).
     */
    public static final class LogWait implements BeforeRetryHandler {

        private static final Logger LOG = Logger.getLogger(Outages.class);

        @Override
        public void handle(ExecutionContext context) {
            Throwable failure = context.getFailure();
            String operation = context.getMethod().getDeclaringClass().getSimpleName() + "."
                    + context.getMethod().getName();
            LOG.warnf("%s waits for an unavailable dependency: %s", operation, rootMessage(failure));
            Metrics.counter("contact_imports.retries", "operation", operation,
                    "cause", root(failure).getClass().getSimpleName()).increment();
        }

        private static Throwable root(Throwable failure) {
            Throwable root = failure;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return root;
        }

        private static String rootMessage(Throwable failure) {
            Throwable root = root(failure);
            return root == failure ? String.valueOf(failure) : failure + " (" + root + ")";
        }
    }
}

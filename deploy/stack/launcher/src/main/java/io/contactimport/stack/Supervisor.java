package io.contactimport.stack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps {@code ./dev} running the way Kubernetes keeps a deployment running: a service whose process exits, or whose
 * {@code /q/health/live} fails three checks in a row, is restarted on its port, and so is a server of the stack whose
 * process exits; each after a backoff that doubles with every restart (1 s up to a minute, reset after ten quiet
 * minutes). What was restarted, how often and why is what {@code ./dev status} shows.
 */
final class Supervisor implements AutoCloseable {

    private static final Duration CHECK_EVERY = Duration.ofSeconds(2);
    private static final int LIVENESS_FAILURES_TO_RESTART = 3;
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);
    private static final Duration QUIET_RESETS_BACKOFF = Duration.ofMinutes(10);

    /** How often something was restarted, and why, the last time. */
    record Restarts(int count, String lastReason, Instant lastAt) {
    }

    private final LocalStack stack;
    private final ServiceFleet fleet;
    private final Runnable onRestart;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Restarts> restarts = new ConcurrentHashMap<>();
    private final Map<String, Integer> livenessFailures = new ConcurrentHashMap<>();
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dev-supervisor");
        thread.setDaemon(true);
        return thread;
    });

    /** @param onRestart called after each restart (the launcher rewrites its state file) */
    Supervisor(LocalStack stack, ServiceFleet fleet, Runnable onRestart) {
        this.stack = stack;
        this.fleet = fleet;
        this.onRestart = onRestart;
    }

    void start() {
        checks.scheduleWithFixedDelay(this::checkAll, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    Map<String, Restarts> restarts() {
        return Map.copyOf(restarts);
    }

    private void checkAll() {
        try {
            for (LocalStack.Server server : stack.servers()) {
                if (!stack.isRunning(server)) {
                    restart(server.name().toLowerCase(), "its process exited", () -> {
                        stack.kill(server);
                        stack.start(server);
                    });
                }
            }
            for (ServiceFleet.Instance instance : new ArrayList<>(fleet.instances())) {
                String reason = failure(instance);
                if (reason != null) {
                    restart(instance.service().module(), reason, () -> {
                        fleet.kill(instance);
                        fleet.start(instance.service(), instance.port());
                    });
                }
            }
        } catch (RuntimeException e) {
            System.err.println("[supervisor] check failed, trying again: " + e.getMessage());
        }
    }

    /** Why an instance must be restarted, or null while it is fine. */
    private String failure(ServiceFleet.Instance instance) {
        if (!instance.process().isAlive()) {
            return "its process exited";
        }
        String key = instance.process().name();
        String live = liveness(instance);
        if (live == null) {
            livenessFailures.remove(key);
            return null;
        }
        int failures = livenessFailures.merge(key, 1, Integer::sum);
        if (failures < LIVENESS_FAILURES_TO_RESTART) {
            return null;
        }
        livenessFailures.remove(key);
        return "/q/health/live failed " + failures + " times: " + live;
    }

    /** Null when live; else what the check answered. */
    private String liveness(ServiceFleet.Instance instance) {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                            URI.create(instance.baseUrl() + "/q/health/live")).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 ? null
                    : answer.statusCode() + " " + answer.body().replaceAll("\\s+", " ");
        } catch (Exception e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private void restart(String name, String reason, Runnable restart) {
        Restarts before = restarts.get(name);
        Duration backoff = backoff(before);
        System.err.printf("[supervisor] restarting %s in %d s: %s%n", name, backoff.toSeconds(), reason);
        sleep(backoff);
        restarts.put(name, new Restarts(before == null ? 1 : before.count() + 1, reason, Instant.now()));
        restart.run();
        onRestart.run();
    }

    private static Duration backoff(Restarts before) {
        if (before == null || before.lastAt().plus(QUIET_RESETS_BACKOFF).isBefore(Instant.now())) {
            return FIRST_BACKOFF;
        }
        long seconds = FIRST_BACKOFF.toSeconds() << Math.min(before.count(), 6);
        return Duration.ofSeconds(Math.min(seconds, MAX_BACKOFF.toSeconds()));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        checks.shutdownNow();
    }
}

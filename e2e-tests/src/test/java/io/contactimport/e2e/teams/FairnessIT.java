package io.contactimport.e2e.teams;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactimport.e2e.support.ContactFiles;
import io.contactimport.e2e.support.RunningSystem;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Teams sharing the pipeline: a small import is not stuck behind another team's large one (the express lane), and
 * one team's many imports run a few at a time (admission), the rest waiting {@code queued}, all exact.
 */
class FairnessIT {

    private static final int SMALL_ROWS = 1_000;

    private static RunningSystem system;

    @TempDir
    static Path files;

    @BeforeAll
    static void startSystem() {
        system = RunningSystem.shared();
    }

    @Test
    void aSmallImportCompletesWhileAnotherTeamsLargeOneRuns() throws Exception {
        String small = system.newTeamKey();
        String large = system.newTeamKey();
        Path smallFile = ContactFiles.generate(files.resolve("small.csv"), SMALL_ROWS, "small.");
        Path largeFile = ContactFiles.generate(files.resolve("large.csv"), 400_000, "large.");
        timeImport(small, smallFile);  // the first import of a team also creates its contacts
        long idle = medianOfThree(small, smallFile);

        String largeImport = system.createImport(large, largeFile, null);
        system.awaitApplied(large, largeImport, 20_000);
        long busy = medianOfThree(small, smallFile);
        JsonPath largeWhenSmallEnded = system.importStatus(large, largeImport);
        System.out.printf("[fairness] %d-row import (median of 3): %d ms idle, %d ms beside a 400,000-row import%n",
                SMALL_ROWS, idle / 1_000_000, busy / 1_000_000);

        assertThat(largeWhenSmallEnded.getString("status")).as("the large import was still running")
                .isEqualTo("in_progress");
        // The aim is 3× (BENCHMARKS.md has what ./bench load measures); on a 2-core machine that also runs the test,
        // every hop of a 200 ms import is a Kafka consumer waiting for a CPU, so the test holds it to 5× and 2 s.
        assertThat(busy).as("beside the large import, at most 5× the idle time (%d ms)", idle / 1_000_000)
                .isLessThanOrEqualTo(5 * idle);
        assertThat(busy).isLessThan(Duration.ofSeconds(2).toNanos());
        JsonPath done = system.awaitFinished(large, largeImport);
        assertThat(done.getInt("counts.created")).isEqualTo(400_000);
    }

    @Test
    void aTeamsImportsBeyondItsAllowanceWaitQueuedAndStartInOrder() throws Exception {
        String key = system.newTeamKey();
        List<String> imports = new ArrayList<>();
        for (int i = 0; i < 4; i++) {  // bulk-lane files, so each runs for a while
            Path file = ContactFiles.generate(files.resolve("team-" + i + ".csv"), 40_000, "t" + i + ".");
            imports.add(system.createImport(key, file, null));
        }
        boolean sawQueuedBehindRunning = false;
        for (String id : imports.subList(2, 4)) {
            JsonPath waiting = system.importStatus(key, id);
            if (waiting.getString("status").equals("queued") && waiting.getInt("counts.total") == 0) {
                sawQueuedBehindRunning = true;
            }
        }
        for (String id : imports) {
            JsonPath done = system.awaitFinished(key, id);
            assertThat(done.getString("status")).isEqualTo("completed");
            assertThat(done.getInt("counts.created")).isEqualTo(40_000);
        }
        assertThat(sawQueuedBehindRunning).as("the third and fourth waited").isTrue();
        // Never more than two at once: each later import was admitted only after an earlier one had ended.
        List<Instant[]> spans = spans(imports, "admitted_at");
        for (int i = 2; i < spans.size(); i++) {
            Instant admitted = spans.get(i)[0];
            long endedBefore = spans.subList(0, i).stream().filter(span -> !span[1].isAfter(admitted)).count();
            assertThat(endedBefore).as("imports ended before import %d was admitted", i).isGreaterThanOrEqualTo(i - 1);
        }
    }

    private static long medianOfThree(String key, Path file) throws Exception {
        long[] times = {timeImport(key, file), timeImport(key, file), timeImport(key, file)};
        Arrays.sort(times);
        return times[1];
    }

    /** From the request to completed, in nanoseconds, as the projection recorded them (no polling in between). */
    private static long timeImport(String key, Path file) throws Exception {
        String id = system.createImport(key, file, "upsert");
        JsonPath done = system.awaitFinished(key, id);
        assertThat(done.getString("status")).isEqualTo("completed");
        assertThat(done.getInt("counts.created") + done.getInt("counts.updated")).isEqualTo(SMALL_ROWS);
        Instant[] span = spans(List.of(id), "created_at").get(0);
        return Duration.between(span[0], span[1]).toNanos();
    }

    /** When each import started ({@code created_at} or {@code admitted_at}) and ended, in the order given. */
    private static List<Instant[]> spans(List<String> imports, String start) throws Exception {
        List<Instant[]> spans = new ArrayList<>();
        try (Connection db = system.connect(); PreparedStatement query = db.prepareStatement(
                "SELECT " + start + ", completed_at FROM status.imports WHERE id = ?")) {
            for (String id : imports) {
                query.setObject(1, UUID.fromString(id));
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    spans.add(new Instant[] {row.getTimestamp(1).toInstant(), row.getTimestamp(2).toInstant()});
                }
            }
        }
        return spans;
    }
}

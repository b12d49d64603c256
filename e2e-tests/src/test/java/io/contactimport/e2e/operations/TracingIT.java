package io.contactimport.e2e.operations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.contactimport.e2e.support.RunningSystem;
import io.contactimport.e2e.support.TraceCollector;
import io.contactimport.e2e.support.TraceCollector.Span;
import io.contactimport.stack.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One trace follows an import from the {@code POST} through the splitter, the row-processor and the projector, and
 * the log lines written for it name the import, its team and that trace.
 */
class TracingIT {

    private static final Set<String> SERVICES = Set.of("api-gateway", "import-splitter", "row-processor",
            "status-projector");

    @TempDir
    Path files;

    @Test
    void oneTraceFollowsAnImportThroughEveryService() throws Exception {
        RunningSystem system = RunningSystem.shared();
        String key = system.newTeamKey();
        Path file = Files.writeString(files.resolve("traced.csv"), "email\ntraced.1@example.com\ntraced.2@example.com\n");
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String callerSpan = HexFormat.of().formatHex(randomBytes(8));

        String id = given().header("Authorization", "Bearer " + key)
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .multiPart("file", file.toFile(), "text/csv")
                .when().post(system.api() + "/contacts/imports").then().statusCode(201).extract().path("id");
        system.awaitFinished(key, id);

        List<Span> trace = awaitSpansOf(RunningSystem.traces(), traceId, callerSpan);
        Span request = trace.stream().filter(s -> s.kind() == Span.SERVER && s.parentSpanId().equals(callerSpan))
                .findFirst().orElseThrow(() -> new AssertionError("no server span under the caller's: " + trace));
        assertThat(request.service()).isEqualTo("api-gateway");
        assertThat(trace).as("Kafka consumers in the trace")
                .anyMatch(s -> s.service().equals("import-splitter") && s.kind() == Span.CONSUMER)
                .anyMatch(s -> s.service().equals("row-processor") && s.kind() == Span.CONSUMER)
                .anyMatch(s -> s.service().equals("status-projector") && s.kind() == Span.CONSUMER);
        Set<String> spanIds = trace.stream().map(Span::spanId).collect(Collectors.toSet());
        assertThat(trace).as("every span's parent is in the trace, or is the caller's")
                .allMatch(s -> spanIds.contains(s.parentSpanId()) || s.parentSpanId().equals(callerSpan));

        for (Service service : List.of(Service.API_GATEWAY, Service.IMPORT_SPLITTER)) {
            assertThat(Files.readAllLines(system.fleet().logFile(service))).as(service + "'s log")
                    .filteredOn(line -> line.contains(id) && !line.contains("re-announcing"))
                    .isNotEmpty()
                    .allMatch(line -> line.contains("import_id=" + id) && line.contains("traceId=" + traceId)
                            && line.contains("team_id="));
        }
    }

    /**
     * The trace once every service is in it and every span's parent arrived too: each service exports its spans in
     * batches of its own, so a child can arrive before its parent.
     */
    private static List<Span> awaitSpansOf(TraceCollector collector, String traceId, String callerSpan) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            List<Span> trace = collector.trace(traceId);
            Set<String> services = trace.stream().map(Span::service).collect(Collectors.toSet());
            Set<String> spanIds = trace.stream().map(Span::spanId).collect(Collectors.toSet());
            boolean parentsArrived = trace.stream()
                    .allMatch(span -> spanIds.contains(span.parentSpanId()) || span.parentSpanId().equals(callerSpan));
            if (services.containsAll(SERVICES) && parentsArrived || System.nanoTime() > deadline) {
                assertThat(services).as("services in trace " + traceId).containsAll(SERVICES);
                return trace;
            }
            RunningSystem.sleep(200);
        }
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}

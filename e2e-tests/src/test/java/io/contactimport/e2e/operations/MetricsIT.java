package io.contactimport.e2e.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactimport.e2e.support.RunningSystem;
import io.contactimport.stack.Service;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an operator scrapes: every service's {@code /q/metrics}, and the row counters moving by exactly an import. */
class MetricsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path files;

    @Test
    void theRowCountersMoveByExactlyTheRowsImported() throws Exception {
        RunningSystem system = RunningSystem.shared();
        for (Service service : Service.values()) {
            String metrics = scrape(system.fleet().url(service));
            assertThat(metrics).as(service.module()).contains("jvm_memory_used_bytes");
        }
        String processor = system.fleet().url(Service.ROW_PROCESSOR);
        double createdBefore = value(scrape(processor), "contact_imports_rows_total\\{outcome=\"created\"}");
        double failedBefore = value(scrape(processor), "contact_imports_rows_total\\{outcome=\"failed\"}");

        StringBuilder csv = new StringBuilder("email,first_name\n");
        for (int i = 0; i < 250; i++) {
            csv.append("metrics.").append(i).append("@example.com,M").append(i).append('\n');
        }
        csv.append("not-an-email,Bad\n");
        Path file = Files.writeString(files.resolve("metrics.csv"), csv);
        String key = system.newTeamKey();
        system.awaitFinished(key, system.createImport(key, file, null));

        String after = scrape(processor);
        assertThat(value(after, "contact_imports_rows_total\\{outcome=\"created\"}") - createdBefore).isEqualTo(250);
        assertThat(value(after, "contact_imports_rows_total\\{outcome=\"failed\"}") - failedBefore).isEqualTo(1);
        assertThat(after).contains("contact_imports_batch_apply_seconds_count")
                .contains("kafka_consumer_fetch_manager_records_consumed_total");
        assertThat(scrape(system.fleet().url(Service.IMPORT_SPLITTER)))
                .contains("contact_imports_split_rows_total{lane=\"express\"}");
        assertThat(scrape(system.api())).contains("contact_imports_upload_size_bytes_count")
                .contains("contact_imports_outbox_backlog");
        assertThat(scrape(system.fleet().url(Service.STATUS_PROJECTOR)))
                .contains("contact_imports_ended_total{status=\"completed\"}")
                .contains("contact_imports_imports{status=\"in_progress\"}").contains("contact_imports_stalled");
    }

    private static String scrape(String baseUrl) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(baseUrl).isEqualTo(200);
        return answer.body();
    }

    /**
     * A counter's value, 0 when it has not been written yet. With tracing on, a sample is followed by its exemplar
     * ({@code # {span_id=…,trace_id=…} value time}), the trace that last moved it.
     */
    private static double value(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " (\\S+)(?: # .*)?$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}

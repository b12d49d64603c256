package io.contactimport.e2e.bench;

import static io.contactimport.e2e.bench.BenchApi.counts;
import static io.contactimport.e2e.bench.BenchApi.failIfAServiceDied;
import static io.contactimport.e2e.bench.BenchApi.peakRss;
import static io.contactimport.e2e.bench.BenchApi.seconds;
import static io.contactimport.e2e.bench.BenchApi.sleep;
import static io.contactimport.e2e.bench.BenchApi.status;

import io.contactimport.e2e.support.ContactFiles;
import io.contactimport.e2e.support.TraceCollector;
import io.contactimport.stack.LocalStack;
import io.contactimport.stack.Service;
import io.contactimport.stack.ServiceFleet;
import io.contactimport.stack.StackLayout;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.postgresql.PGConnection;

/**
 * {@code ./bench}: imports generated CSVs of 1M and 2M rows through the running system and measures, in the same
 * run, PostgreSQL alone doing the same work (COPY into a staging table + one set-based upsert). Prints a Markdown
 * report for BENCHMARKS.md. Not a test: it takes minutes and its numbers depend on the machine.
 */
public final class ImportBenchmark {

    private static final String API_KEY = "re_bench_" + UUID.randomUUID().toString().replace("-", "");
    private static final String COLUMN_MAP = """
            {"email":"email","first_name":"first_name","last_name":"last_name","unsubscribed":"unsubscribed",
             "properties":{"company":{"column":"company","type":"string"},"city":{"column":"city","type":"string"},
                           "plan":{"column":"plan","type":"string"},"score":{"column":"score","type":"number"}}}""";

    private final Map<String, String> report = new LinkedHashMap<>();
    /** The baseline's passes ("insert", "update"): how long each took, to compare the imports with. */
    private final Map<String, Long> baselineNanos = new HashMap<>();
    private ServiceFleet fleet;
    private BenchApi client;
    private CpuMeter cpu;
    /** The service to record with JFR during each measured import ({@code --profile <module>}), or null. */
    private Profiler profiler;

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        List<String> options = List.of(args).subList(Math.min(1, args.length), args.length);
        boolean withLarge = !options.contains("--no-2m");
        int profile = options.indexOf("--profile");
        if (profile == options.size() - 1) {
            throw new IllegalArgumentException("--profile needs a module, e.g. --profile row-processor");
        }
        String profiled = profile >= 0 ? options.get(profile + 1) : null;
        // --traced: every service exports its spans (OTLP over HTTP) to a collector in this JVM, as to a real one.
        try (TraceCollector traces = options.contains("--traced") ? new TraceCollector() : null) {
            // --no-contact-changes: without contacts.changes, to see what announcing every change costs.
            new ImportBenchmark().run(rows, withLarge, traces, !options.contains("--no-contact-changes"), profiled);
        }
    }

    private void run(int rows, boolean withLarge, TraceCollector traces, boolean contactChanges, String profiled)
            throws Exception {
        Path work = Path.of("target/bench").toAbsolutePath();
        Files.createDirectories(work);
        Path file = ContactFiles.generate(work.resolve("contacts-" + rows + ".csv"), rows, "");
        Path firstFile = ContactFiles.generate(work.resolve("first-" + rows + ".csv"), rows, "first.");
        StackLayout layout = StackLayout.locate();
        try (LocalStack stack = LocalStack.startFresh(work.resolve("stack"))) {
            // The latency probe polls as fast as it can: the rate limit must not be what it measures.
            Map<String, String> environment = new HashMap<>(Map.of("BOOTSTRAP_API_KEY", API_KEY,
                    "BOOTSTRAP_TEAM_NAME", "bench", "RATE_LIMIT_PER_SECOND", "100000"));
            if (!contactChanges) {
                environment.put("CONTACT_CHANGES_ENABLED", "false");
            }
            if (traces != null) {
                environment.putAll(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", traces.endpoint(),
                        "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"));
            }
            fleet = new ServiceFleet(layout, stack, ServiceFleet.freePorts(), environment, work.resolve("stack/logs"));
            try {
                fleet.startAll();
                client = new BenchApi(fleet.url(Service.API_GATEWAY));
                cpu = new CpuMeter(fleet, stack);
                profiler = profiled == null ? null : new Profiler(fleet, profiled, work);
                baseline(stack, file, rows);
                // The first import after start includes compiling the import path (JIT) in every service: it is
                // reported apart, and the imports after it measure the services as they run.
                measureImport("first import after start: " + rows + " other new contacts", firstFile, rows,
                        "upsert", false, "insert");
                measureImport("import of " + rows + " new contacts", file, rows, "upsert", true, "insert");
                measureImport("re-import of the same " + rows + " rows (upsert: all updates)", file, rows, "upsert",
                        false, "update");
                if (withLarge) {
                    splitterPeakRss("after the " + rows + "-row imports");
                    Path large = ContactFiles.generate(work.resolve("contacts-" + 2 * rows + ".csv"), 2 * rows, "");
                    measureImport("import of " + 2 * rows + " rows (" + Files.size(large) / 1_000_000 + " MB)", large,
                            2 * rows, "upsert", false, null);
                    splitterPeakRss("after the " + 2 * rows + "-row import");
                }
                reportPeakRss();
                if (traces != null) {
                    report.put("spans received by the collector", String.format("%,d", traces.spanCount()));
                }
            } finally {
                fleet.close();
            }
        }
        System.out.println("\n| measurement | result |\n|---|---|");
        report.forEach((k, v) -> System.out.println("| " + k + " | " + v + " |"));
    }

    /** PostgreSQL alone: COPY the file into a staging table, then one INSERT … ON CONFLICT DO UPDATE. Twice. */
    private void baseline(LocalStack stack, Path file, int rows) throws Exception {
        var db = stack.database();
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement sql = connection.createStatement()) {
            sql.execute("CREATE SCHEMA IF NOT EXISTS baseline");
            sql.execute("DROP TABLE IF EXISTS baseline.contacts");
            sql.execute("CREATE TABLE baseline.contacts (LIKE contacts.contacts INCLUDING ALL)");
            for (String pass : List.of("insert", "update")) {
                long start = System.nanoTime();
                sql.execute("DROP TABLE IF EXISTS baseline.staging");
                sql.execute("CREATE UNLOGGED TABLE baseline.staging (email text, first_name text, last_name text, "
                        + "unsubscribed text, company text, city text, plan text, score text)");
                try (InputStream in = Files.newInputStream(file)) {
                    ((PGConnection) connection).getCopyAPI()
                            .copyIn("COPY baseline.staging FROM STDIN WITH (FORMAT csv, HEADER true)", in);
                }
                long copied = System.nanoTime();
                sql.execute("""
                        INSERT INTO baseline.contacts AS c (team_id, email, first_name, last_name, unsubscribed, properties)
                        SELECT '00000000-0000-0000-0000-000000000001', lower(trim(email)), first_name, last_name,
                               unsubscribed IN ('true', 'yes', '1'),
                               jsonb_build_object('company', company, 'city', city, 'plan', plan, 'score', score::numeric)
                        FROM baseline.staging ORDER BY 2
                        ON CONFLICT (team_id, email) DO UPDATE SET first_name = EXCLUDED.first_name,
                            last_name = EXCLUDED.last_name, unsubscribed = EXCLUDED.unsubscribed,
                            properties = c.properties || EXCLUDED.properties, updated_at = now()""");
                long done = System.nanoTime();
                baselineNanos.put(pass, done - start);
                report.put("PostgreSQL alone, " + pass + " pass: COPY + upsert of " + rows + " rows",
                        seconds(done - start) + " (COPY " + seconds(copied - start) + ", upsert "
                                + seconds(done - copied) + "), " + rate(rows, done - start));
            }
        }
    }

    /** @param baselinePass the baseline pass to compare with ("insert" or "update"), or null */
    private void measureImport(String label, Path file, int rows, String onConflict, boolean measureReads,
                               String baselinePass) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        if (profiler != null) {
            profiler.start();
        }
        Map<String, Double> cpuBefore = cpu.read();
        long start = System.nanoTime();
        String id = client.post(API_KEY, file, COLUMN_MAP, onConflict);
        long accepted = System.nanoTime();
        Thread reader = new Thread(() -> {
            while (running.get() && measureReads) {
                long t = System.nanoTime();
                client.get(API_KEY, id);
                latencies.add(System.nanoTime() - t);
                sleep(100);
            }
        });
        reader.start();
        String body;
        do {
            sleep(250);
            body = client.get(API_KEY, id);
            failIfAServiceDied(fleet);
        } while (!status(body).equals("completed") && !status(body).equals("failed")
                && System.nanoTime() - start < Duration.ofMinutes(20).toNanos());
        long end = System.nanoTime();
        Map<String, Double> cpuAfter = cpu.read();
        running.set(false);
        reader.join();
        String ratio = baselinePass == null ? ""
                : String.format(" = %.2f× the baseline's %s pass",
                        (double) (end - start) / baselineNanos.get(baselinePass), baselinePass);
        report.put(label, seconds(end - start) + " POST to " + status(body) + ratio + " (upload accepted after "
                + seconds(accepted - start) + "), " + rate(rows, end - start) + "; " + counts(body));
        report.put("CPU seconds during it: " + label, CpuMeter.between(cpuBefore, cpuAfter, end - start));
        if (profiler != null) {
            report.put("JFR recording of it: " + label, profiler.stop(label).toString());
        }
        if (measureReads && !latencies.isEmpty()) {
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            report.put("GET /contacts/imports/{id} while importing (" + sorted.size() + " calls)",
                    String.format("p50 %.1f ms, p99 %.1f ms", sorted.get(sorted.size() / 2) / 1e6,
                            sorted.get((int) (sorted.size() * 0.99)) / 1e6));
        }
    }

    private void reportPeakRss() throws IOException {
        for (ServiceFleet.Instance instance : fleet.instances()) {
            report.put("peak RSS of " + instance.service().module() + " over the whole run", peakRss(instance));
        }
    }

    /** Whether the splitter's memory grows with the file: its peak so far, before and after the larger file. */
    private void splitterPeakRss(String when) throws IOException {
        for (ServiceFleet.Instance instance : fleet.instances()) {
            if (instance.service() == Service.IMPORT_SPLITTER) {
                report.put("peak RSS of import-splitter " + when, peakRss(instance));
            }
        }
    }

    private static String rate(int rows, long nanos) {
        return String.format("%,.0f rows/s", rows / (nanos / 1e9));
    }
}

package io.contactimport.e2e.bench;

import static io.contactimport.e2e.bench.BenchApi.counts;
import static io.contactimport.e2e.bench.BenchApi.ended;
import static io.contactimport.e2e.bench.BenchApi.failIfAServiceDied;
import static io.contactimport.e2e.bench.BenchApi.peakRss;
import static io.contactimport.e2e.bench.BenchApi.seconds;
import static io.contactimport.e2e.bench.BenchApi.sleep;
import static io.contactimport.e2e.bench.BenchApi.status;

import io.contactimport.e2e.support.ContactFiles;
import io.contactimport.stack.LocalStack;
import io.contactimport.stack.Service;
import io.contactimport.stack.ServiceFleet;
import io.contactimport.stack.StackLayout;
import io.contactimport.gateway.admin.GatewayDatabase;
import io.contactimport.gateway.admin.TeamKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./bench load}: many teams at once. (1) Fairness: a 1,000-row import of one team, idle and beside another
 * team's 1M-row import. (2) Load: 20 imports from 5 teams (1,000 to 500,000 rows) started together while 50 status
 * polls a second run; every import must end exact. Reports latencies, durations and every service's peak RSS as
 * Markdown for BENCHMARKS.md.
 */
public final class LoadBenchmark {

    private static final int[] SIZES = {1_000, 10_000, 100_000, 500_000};
    private static final int TEAMS = 5;
    private static final int POLLS_PER_SECOND = 50;

    private final Map<String, String> report = new LinkedHashMap<>();
    private ServiceFleet fleet;
    private BenchApi client;
    private LocalStack stack;

    public static void main(String[] args) throws Exception {
        new LoadBenchmark().run(args.length > 0 && args[0].equals("--no-fairness"));
    }

    private void run(boolean skipFairness) throws Exception {
        Path work = Path.of("target/bench").toAbsolutePath();
        Files.createDirectories(work);
        try (LocalStack started = LocalStack.startFresh(work.resolve("load-stack"))) {
            stack = started;
            // The polls are the measured load: the rate limit must not be what answers them.
            fleet = new ServiceFleet(StackLayout.locate(), stack, ServiceFleet.freePorts(),
                    Map.of("RATE_LIMIT_PER_SECOND", "100000"), work.resolve("load-stack/logs"));
            try {
                fleet.startAll();
                client = new BenchApi(fleet.url(Service.API_GATEWAY));
                if (!skipFairness) {
                    fairness(work);
                }
                load(work);
                for (ServiceFleet.Instance instance : fleet.instances()) {
                    report.put("peak RSS of " + instance.service().module(), peakRss(instance));
                }
            } finally {
                fleet.close();
            }
        }
        System.out.println("\n| measurement | result |\n|---|---|");
        report.forEach((k, v) -> System.out.println("| " + k + " | " + v + " |"));
    }

    private void fairness(Path work) throws Exception {
        String small = newTeam("small");
        String large = newTeam("large");
        Path smallFile = ContactFiles.generate(work.resolve("fair-small-1000.csv"), 1_000, "small.");
        Path largeFile = ContactFiles.generate(work.resolve("contacts-1000000.csv"), 1_000_000, "");
        for (int i = 0; i < 3; i++) {  // warm-up: the first imports compile the path in every service
            timeImport(small, smallFile);
        }
        List<Long> idle = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            idle.add(timeImport(small, smallFile));
        }
        String big = client.post(large, largeFile, null, "upsert");
        long bigStart = System.nanoTime();
        List<Long> busy = new ArrayList<>();
        sleep(3000);
        while (busy.size() < 10 && !ended(client.get(large, big))) {
            busy.add(timeImport(small, smallFile));
            sleep(1000);
        }
        String bigEnd = awaitEnd(large, big);
        report.put("1,000-row import, idle (median of 5)", millis(median(idle)));
        report.put("1,000-row import beside another team's 1M-row import (median of " + busy.size()
                + ", one started each second)", millis(median(busy)) + " (max " + millis(Collections.max(busy))
                + ") = " + String.format("%.1f×", (double) median(busy) / median(idle)) + " idle");
        report.put("the 1M-row import meanwhile", seconds(System.nanoTime() - bigStart) + ", " + counts(bigEnd));
    }

    private void load(Path work) throws Exception {
        Random random = new Random(13);
        List<String[]> imports = new ArrayList<>();  // key, file, rows
        long totalRows = 0;
        for (int t = 0; t < TEAMS; t++) {
            String key = newTeam("load-" + t);
            for (int size : SIZES) {
                Path file = ContactFiles.generate(work.resolve("load-" + size + ".csv"), size, "");
                imports.add(new String[] {key, file.toString(), Integer.toString(size)});
                totalRows += size;
            }
        }
        Collections.shuffle(imports, random);
        ExecutorService uploads = Executors.newFixedThreadPool(imports.size());
        long start = System.nanoTime();
        List<Future<String>> posted = new ArrayList<>();
        for (String[] spec : imports) {
            posted.add(uploads.submit(() -> client.post(spec[0], Path.of(spec[1]), null, "upsert")));
        }
        List<String> ids = new ArrayList<>();
        for (Future<String> id : posted) {
            ids.add(id.get());
        }
        uploads.shutdown();
        long accepted = System.nanoTime();

        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService polls = Executors.newScheduledThreadPool(8);
        int[] next = {0};
        polls.scheduleAtFixedRate(() -> {
            int i = Math.floorMod(next[0]++, ids.size());
            long t = System.nanoTime();
            client.get(imports.get(i)[0], ids.get(i));
            latencies.add(System.nanoTime() - t);
        }, 0, 1_000_000 / POLLS_PER_SECOND, TimeUnit.MICROSECONDS);

        // A team's files are the first 1,000, 10,000, … rows of one file, so exact means: each import's rows all
        // counted, none failed, and each of the team's contacts created exactly once over its four imports.
        Map<Integer, List<Long>> durations = new LinkedHashMap<>();
        Map<String, Long> createdByTeam = new LinkedHashMap<>();
        int exact = 0;
        for (int i = 0; i < ids.size(); i++) {
            String body = awaitEnd(imports.get(i)[0], ids.get(i));
            int rows = Integer.parseInt(imports.get(i)[2]);
            if (status(body).equals("completed") && count(body, "created") + count(body, "updated") == rows
                    && count(body, "failed") == 0) {
                exact++;
            } else {
                report.put("NOT EXACT: import of " + rows + " rows", body);
            }
            createdByTeam.merge(imports.get(i)[0], count(body, "created"), Long::sum);
        }
        long end = System.nanoTime();
        polls.shutdown();
        polls.awaitTermination(10, TimeUnit.SECONDS);
        for (int i = 0; i < ids.size(); i++) {
            durations.computeIfAbsent(Integer.parseInt(imports.get(i)[2]), k -> new ArrayList<>())
                    .add(duration(ids.get(i)));
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        long teamsExact = createdByTeam.values().stream().filter(n -> n == SIZES[SIZES.length - 1]).count();
        report.put("20 imports from 5 teams (" + String.format("%,d", totalRows) + " rows), all at once",
                exact + " of " + ids.size() + " imports exact, " + teamsExact + " of " + TEAMS + " teams with each "
                        + "contact created once; uploads accepted after " + seconds(accepted - start)
                        + ", all ended after " + seconds(end - start) + " ("
                        + String.format("%,.0f rows/s", totalRows / ((end - start) / 1e9)) + ")");
        report.put("GET /contacts/imports/{id} meanwhile, " + POLLS_PER_SECOND + "/s (" + sorted.size() + " calls)",
                String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms", sorted.get(sorted.size() / 2) / 1e6,
                        sorted.get((int) (sorted.size() * 0.99)) / 1e6, sorted.get(sorted.size() - 1) / 1e6));
        durations.forEach((rows, took) -> report.put("request to completed, " + String.format("%,d", rows)
                + "-row imports (5 teams)", took.stream().sorted().map(LoadBenchmark::millis).toList().toString()));
    }

    /** From the request to its end, as the projection recorded both. */
    private long duration(String id) throws Exception {
        var db = stack.database();
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             PreparedStatement query = connection.prepareStatement(
                     "SELECT extract(epoch FROM completed_at - created_at) FROM status.imports WHERE id = ?")) {
            query.setObject(1, UUID.fromString(id));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return (long) (row.getDouble(1) * 1e9);
            }
        }
    }

    private long timeImport(String key, Path file) throws Exception {
        String id = client.post(key, file, null, "upsert");
        String body = awaitEnd(key, id);
        if (!status(body).equals("completed")) {
            throw new IllegalStateException("import " + id + " ended " + body);
        }
        return duration(id);
    }

    private String awaitEnd(String key, String id) {
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        String body;
        do {
            sleep(100);
            body = client.get(key, id);
            failIfAServiceDied(fleet);
        } while (!ended(body) && System.nanoTime() < deadline);
        return body;
    }

    private String newTeam(String name) throws Exception {
        String created = TeamKeys.run(new GatewayDatabase(stack.database().jdbcUrl(),
                stack.database().user(), stack.database().password()), "create", name);
        return created.substring(created.indexOf("key  ") + 5).trim();
    }

    private static long count(String body, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(counts(body));
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static String millis(long nanos) {
        return String.format("%d ms", nanos / 1_000_000);
    }
}

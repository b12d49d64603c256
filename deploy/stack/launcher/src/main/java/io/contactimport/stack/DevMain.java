package io.contactimport.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./dev up}: the local stack and the five services in one foreground process. It writes what runs where to
 * {@code .dev/state.properties} (read by {@code ./dev status} and {@code ./dev down}) and stops everything on
 * Ctrl-C or SIGTERM.
 */
public final class DevMain {

    private DevMain() {
    }

    public static void main(String[] args) {
        StackLayout layout = StackLayout.locate();
        Path devDir = layout.home().resolve(".dev");
        Path stateFile = devDir.resolve("state.properties");
        CountDownLatch stopped = new CountDownLatch(1);
        Holder holder = new Holder();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the services and the stack…");
            holder.close();
            try {
                Files.deleteIfExists(stateFile);
            } catch (IOException ignored) {
                // nothing left to tell
            }
            stopped.countDown();
        }, "dev-stop"));
        try {
            String apiKey = devApiKey(devDir);
            Optional<DatabaseUrl> external = Optional.ofNullable(System.getenv("DATABASE_URL"))
                    .filter(url -> !url.isBlank()).map(DatabaseUrl::parse);
            System.out.println("Starting Kafka, PostgreSQL" + (external.isPresent() ? " (external)" : "")
                    + " and S3Proxy…");
            holder.stack = LocalStack.start(layout, devDir.resolve("data"), LocalStack.Ports.fromEnvironment(), external);
            System.out.println("Starting the five services…");
            holder.fleet = new ServiceFleet(layout, holder.stack, ServiceFleet.portsFromEnvironment(),
                    Map.of("BOOTSTRAP_API_KEY", apiKey, "BOOTSTRAP_TEAM_NAME", "Development"),
                    devDir.resolve("data/logs"));
            holder.fleet.startAll();
            Path sample = writeSampleCsv(devDir.resolve("sample-contacts.csv"), 1000);
            holder.supervisor = new Supervisor(holder.stack, holder.fleet,
                    () -> writeState(stateFile, holder, apiKey, sample));
            writeState(stateFile, holder, apiKey, sample);
            holder.supervisor.start();
            System.out.println(banner(holder.fleet.url(Service.API_GATEWAY), apiKey, sample, devDir));
            System.out.flush();
        } catch (RuntimeException e) {
            System.err.println("./dev up failed: " + e.getMessage());
            System.exit(1);
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the shutdown hook stops; filled as things start. */
    private static final class Holder implements AutoCloseable {
        volatile LocalStack stack;
        volatile ServiceFleet fleet;
        volatile Supervisor supervisor;

        @Override
        public void close() {
            if (supervisor != null) {
                supervisor.close();
            }
            if (fleet != null) {
                fleet.close();
            }
            if (stack != null) {
                stack.close();
            }
        }
    }

    static String banner(String baseUrl, String apiKey, Path sample, Path devDir) {
        return """

                Contact import platform is running.
                  Dashboard:          %1$s/dashboard/  (sign in with the dev API key)
                  API base URL:       %1$s
                  Dev API key:        %2$s
                  API reference:      %1$s/q/openapi
                  Logs:               %4$s/data/logs

                Import the sample (1,000 contacts) and watch it:
                  curl -s -H 'Authorization: Bearer %2$s' -F file=@%3$s %1$s/contacts/imports
                  curl -s -H 'Authorization: Bearer %2$s' %1$s/contacts/imports/<id from above>

                Stop with Ctrl-C (or ./dev down).
                """.formatted(baseUrl, apiKey, sample, devDir);
    }

    /** The dev team's key: made once, kept in .dev so that scripts and the dashboard keep working across restarts. */
    static String devApiKey(Path devDir) {
        Path file = devDir.resolve("dev-api-key");
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            Files.createDirectories(devDir);
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            String key = "re_dev_" + HexFormat.of().formatHex(random);
            Files.writeString(file, key + "\n");
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path writeSampleCsv(Path file, int rows) {
        if (Files.exists(file)) {
            return file;
        }
        String[] first = {"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken", "Margaret", "Linus"};
        String[] last = {"Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen", "Thompson",
                "Hamilton", "Torvalds"};
        Random random = new Random(42);
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write("email,first_name,last_name,unsubscribed\n");
            for (int i = 1; i <= rows; i++) {
                out.write("sample.contact" + i + "@example.com," + first[random.nextInt(first.length)] + ","
                        + last[random.nextInt(last.length)] + "," + (i % 25 == 0) + "\n");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized void writeState(Path stateFile, Holder holder, String apiKey, Path sample) {
        Properties state = new Properties();
        state.setProperty("launcher.pid", Long.toString(ProcessHandle.current().pid()));
        state.setProperty("api.url", holder.fleet.url(Service.API_GATEWAY));
        state.setProperty("api.key", apiKey);
        state.setProperty("sample.csv", sample.toString());
        state.setProperty("kafka.bootstrap", holder.stack.kafkaBootstrapServers());
        state.setProperty("s3.endpoint", holder.stack.s3Endpoint());
        state.setProperty("database", holder.stack.database().reactiveUrl());
        for (ChildProcess process : holder.stack.processes()) {
            state.setProperty("pid." + process.name(), Long.toString(process.pid()));
        }
        for (ServiceFleet.Instance instance : holder.fleet.instances()) {
            state.setProperty("pid." + instance.process().name(), Long.toString(instance.process().pid()));
            state.setProperty("url." + instance.service().module(), instance.baseUrl());
        }
        holder.supervisor.restarts().forEach((name, restarts) -> state.setProperty("restarts." + name,
                restarts.count() + " (last at " + restarts.lastAt() + ": " + restarts.lastReason() + ")"));
        try {
            Path partial = stateFile.resolveSibling("state.properties.tmp");
            try (Writer out = Files.newBufferedWriter(partial)) {
                state.store(out, "what ./dev up started; removed when it stops");
            }
            Files.move(partial, stateFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.contactimport.stack;

import io.contactimport.contracts.Topic;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The servers the system needs, started as real processes from jars: Kafka (KRaft, one node), PostgreSQL 17
 * (unless an external server is given) and S3Proxy with its filesystem backend. Data lives under one folder and
 * survives a restart; {@link #close()} stops everything, and the parent-watch agent stops it if we die.
 */
public final class LocalStack implements AutoCloseable {

    public static final String S3_ACCESS_KEY = "local-access-key";
    public static final String S3_SECRET_KEY = "local-secret-key-for-dev-only";
    public static final String S3_BUCKET = "contact-imports";

    /** The ports the stack binds on 127.0.0.1. */
    public record Ports(int kafka, int kafkaController, int postgres, int s3) {

        /** Defaults for {@code ./dev}, each overridable by an environment variable. */
        public static Ports fromEnvironment() {
            return new Ports(envPort("KAFKA_PORT", 29092), envPort("KAFKA_CONTROLLER_PORT", 29093),
                    envPort("POSTGRES_PORT", 25432), envPort("S3_PORT", 29000));
        }

        /** Free ports, for tests that must not collide with a running dev stack. */
        public static Ports free() {
            return new Ports(freePort(), freePort(), freePort(), freePort());
        }
    }

    /** The servers of the stack, each of which a fault test can crash and bring back. */
    public enum Server { KAFKA, POSTGRES, S3 }

    private final StackLayout layout;
    private final Path dataDir;
    private final Ports ports;
    private final DatabaseUrl database;
    private final Map<Server, ChildProcess> processes = new ConcurrentHashMap<>();
    private final String serviceToken;

    private LocalStack(StackLayout layout, Path dataDir, Ports ports, DatabaseUrl database) {
        this.layout = layout;
        this.dataDir = dataDir;
        this.ports = ports;
        this.database = database;
        this.serviceToken = readOrMakeServiceToken(dataDir);
    }

    /**
     * Starts the three servers in parallel and returns when all are ready and the topics exist.
     *
     * @param externalDatabase a PostgreSQL server to use instead of starting one
     */
    public static LocalStack start(StackLayout layout, Path dataDir, Ports ports, Optional<DatabaseUrl> externalDatabase) {
        DatabaseUrl database = externalDatabase.orElse(
                new DatabaseUrl("127.0.0.1", ports.postgres(), "postgres", "postgres", "postgres"));
        LocalStack stack = new LocalStack(layout, dataDir.toAbsolutePath(), ports, database);
        try {
            List<CompletableFuture<Void>> starts = new ArrayList<>();
            starts.add(CompletableFuture.runAsync(() -> stack.start(Server.KAFKA)));
            starts.add(CompletableFuture.runAsync(() -> stack.start(Server.S3)));
            if (externalDatabase.isEmpty()) {
                starts.add(CompletableFuture.runAsync(() -> stack.start(Server.POSTGRES)));
            }
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
            stack.createTopics();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            throw cause instanceof StackException se ? se : new StackException(cause.getMessage(), cause);
        }
    }

    /** A stack with empty data, on free ports: what tests use. */
    public static LocalStack startFresh(Path dataDir) {
        deleteRecursively(dataDir);
        return start(StackLayout.locate(), dataDir, Ports.free(), Optional.empty());
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String kafkaBootstrapServers() {
        return "127.0.0.1:" + ports.kafka();
    }

    public String s3Endpoint() {
        return "http://127.0.0.1:" + ports.s3();
    }

    public DatabaseUrl database() {
        return database;
    }

    public Path dataDir() {
        return dataDir;
    }

    public List<ChildProcess> processes() {
        return List.copyOf(processes.values());
    }

    /** The running PostgreSQL server (its postmaster, which {@code pg_ctl} detached from the JVM that started it). */
    public Optional<ProcessHandle> postgresServer() {
        return postmaster(dataDir.resolve("postgres/data"));
    }

    /** The servers this stack started (PostgreSQL is not one of them when an external database is used). */
    public Set<Server> servers() {
        return Set.copyOf(processes.keySet());
    }

    /** False once a server's process has exited (for PostgreSQL: also its postmaster). */
    public boolean isRunning(Server server) {
        ChildProcess process = processes.get(server);
        boolean alive = process != null && process.isAlive();
        return server == Server.POSTGRES ? alive && postgresServer().isPresent() : alive;
    }

    /** Starts a server (again, after {@link #kill}) on its port, with its data; returns when it answers. */
    public void start(Server server) {
        switch (server) {
            case KAFKA -> startKafka();
            case POSTGRES -> startPostgres();
            case S3 -> startS3();
        }
    }

    /**
     * Kills a server at once, as a crash of its machine would: SIGKILL, no shutdown. For PostgreSQL that is the
     * postmaster and every backend (they would otherwise linger and keep the next start from taking over the data).
     */
    public void kill(Server server) {
        ChildProcess process = processes.remove(server);
        if (server == Server.POSTGRES) {
            postgresServer().ifPresent(postmaster -> {
                postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
                postmaster.destroyForcibly();
                postmaster.onExit().orTimeout(30, TimeUnit.SECONDS).join();
            });
        }
        if (process != null) {
            ProcessHandle.of(process.pid()).ifPresent(handle -> {
                handle.destroyForcibly();
                handle.onExit().orTimeout(30, TimeUnit.SECONDS).join();
            });
        }
    }

    /** What every service needs to reach the stack, as environment variables. */
    public Map<String, String> serviceEnvironment() {
        Map<String, String> env = new LinkedHashMap<>(database.serviceEnvironment());
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers());
        env.put("S3_ENDPOINT", s3Endpoint());
        env.put("S3_ACCESS_KEY", S3_ACCESS_KEY);
        env.put("S3_SECRET_KEY", S3_SECRET_KEY);
        env.put("S3_BUCKET", S3_BUCKET);
        env.put("INTERNAL_API_TOKEN", serviceToken());
        return env;
    }

    /** The credential the services show each other on their internal APIs. */
    public String serviceToken() {
        return serviceToken;
    }

    /**
     * Made at random the first time a data directory runs, and kept there (owner-only), so services started later
     * (restarted, or by another launcher on the same data) still agree.
     */
    private static String readOrMakeServiceToken(Path dataDir) {
        Path file = dataDir.resolve("internal-api-token");
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[24];
                new SecureRandom().nextBytes(random);
                Files.createDirectories(dataDir);
                Path made = Files.createTempFile(dataDir, "internal-api-token", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(made, HexFormat.of().formatHex(random));
                Files.move(made, file, StandardCopyOption.ATOMIC_MOVE);
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void startKafka() {
        Path dir = dataDir.resolve("kafka");
        Path logDirs = dir.resolve("data");
        Path config = dir.resolve("server.properties");
        Path log4j = dir.resolve("log4j2.properties");
        Properties server = new Properties();
        server.setProperty("process.roles", "broker,controller");
        server.setProperty("node.id", "1");
        server.setProperty("controller.quorum.bootstrap.servers", "127.0.0.1:" + ports.kafkaController());
        server.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + ports.kafka() + ",CONTROLLER://127.0.0.1:"
                + ports.kafkaController());
        server.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + ports.kafka());
        server.setProperty("controller.listener.names", "CONTROLLER");
        server.setProperty("inter.broker.listener.name", "PLAINTEXT");
        server.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        server.setProperty("log.dirs", logDirs.toString());
        server.setProperty("auto.create.topics.enable", "false");
        server.setProperty("num.partitions", "3");
        server.setProperty("offsets.topic.replication.factor", "1");
        server.setProperty("offsets.topic.num.partitions", "6");
        server.setProperty("transaction.state.log.replication.factor", "1");
        server.setProperty("transaction.state.log.min.isr", "1");
        server.setProperty("share.coordinator.state.topic.replication.factor", "1");
        server.setProperty("share.coordinator.state.topic.min.isr", "1");
        server.setProperty("group.initial.rebalance.delay.ms", "0");
        server.setProperty("message.max.bytes", "8388608");
        server.setProperty("log.retention.hours", "72");
        try {
            Files.createDirectories(dir);
            try (var out = Files.newBufferedWriter(config)) {
                server.store(out, "written by the local stack launcher on every start");
            }
            copyResource("stack/kafka-log4j2.properties", log4j);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> jvm = List.of("-Xms256m", "-Xmx1g", "-Dlog4j2.configurationFile=" + log4j,
                "-cp", layout.kafkaLib() + "/*");
        if (!Files.exists(logDirs.resolve("meta.properties"))) {
            ChildProcess format = ChildProcess.startJava("kafka-storage-format", layout, jvm,
                    List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c",
                            config.toString(), "--standalone"),
                    Map.of(), dataDir.resolve("logs/kafka-format.log"));
            if (format.awaitExit(Duration.ofSeconds(60)) != 0) {
                throw new StackException("formatting Kafka's storage failed:\n" + format.logTail(30));
            }
        }
        ChildProcess kafka = ChildProcess.startJava("kafka", layout, jvm, List.of("kafka.Kafka", config.toString()),
                Map.of(), dataDir.resolve("logs/kafka.log"));
        processes.put(Server.KAFKA, kafka);
        kafka.awaitReady(Duration.ofSeconds(90), this::kafkaAnswers);
    }

    private boolean kafkaAnswers() {
        if (!portOpen(ports.kafka())) {
            return false;
        }
        try (Admin admin = admin()) {
            admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private void createTopics() {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            Map<ConfigResource, Collection<AlterConfigOp>> settings = new HashMap<>();
            for (Topic topic : Topic.values()) {
                Map<String, String> configs = Map.of(
                        TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(topic.maxMessageBytes()),
                        TopicConfig.RETENTION_MS_CONFIG, Long.toString(topic.retention().toMillis()));
                if (existing.contains(topic.topicName())) {
                    settings.put(new ConfigResource(ConfigResource.Type.TOPIC, topic.topicName()),
                            configs.entrySet().stream().map(c -> new AlterConfigOp(
                                    new ConfigEntry(c.getKey(), c.getValue()), AlterConfigOp.OpType.SET)).toList());
                } else {
                    missing.add(new NewTopic(topic.topicName(), topic.partitions(), (short) 1).configs(configs));
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
            }
            if (!settings.isEmpty()) {
                admin.incrementalAlterConfigs(settings).all().get(60, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new StackException("could not create the Kafka topics: " + e.getMessage(), e);
        }
    }

    private Admin admin() {
        Properties props = new Properties();
        props.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers());
        props.setProperty(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        props.setProperty(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        return Admin.create(props);
    }

    private void startS3() {
        Path dir = dataDir.resolve("s3");
        Path config = dir.resolve("s3proxy.conf");
        Path logback = dir.resolve("logback.xml");
        Properties conf = new Properties();
        conf.setProperty("s3proxy.endpoint", s3Endpoint());
        conf.setProperty("s3proxy.authorization", "aws-v4");
        conf.setProperty("s3proxy.identity", S3_ACCESS_KEY);
        conf.setProperty("s3proxy.credential", S3_SECRET_KEY);
        conf.setProperty("jclouds.provider", "filesystem");
        conf.setProperty("jclouds.filesystem.basedir", dir.resolve("buckets").toString());
        conf.setProperty("jclouds.identity", S3_ACCESS_KEY);
        conf.setProperty("jclouds.credential", S3_SECRET_KEY);
        try {
            Files.createDirectories(dir.resolve("buckets"));
            try (var out = Files.newBufferedWriter(config)) {
                conf.store(out, "written by the local stack launcher on every start");
            }
            copyResource("stack/s3proxy-logback.xml", logback);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChildProcess s3 = ChildProcess.startJava("s3proxy", layout,
                List.of("-Xmx512m", "-Dlogback.configurationFile=" + logback, "-cp", layout.s3proxyLib() + "/*"),
                List.of("org.gaul.s3proxy.Main", "--properties", config.toString()),
                Map.of(), dataDir.resolve("logs/s3proxy.log"));
        processes.put(Server.S3, s3);
        s3.awaitReady(Duration.ofSeconds(60), () -> httpAnswers(s3Endpoint() + "/"));
    }

    private void startPostgres() {
        Path dir = dataDir.resolve("postgres");
        stopOrphanedPostgres(dir.resolve("data"));
        ChildProcess postgres = ChildProcess.startJava("postgres", layout,
                List.of("-Xmx256m", "-cp", layout.postgresClasspath()),
                List.of("io.contactimport.stack.postgres.PostgresServer", Integer.toString(ports.postgres()),
                        dir.resolve("data").toString(),
                        layout.home().resolve("target/stack/postgres-binaries").toString()),
                Map.of(), dataDir.resolve("logs/postgres.log"));
        processes.put(Server.POSTGRES, postgres);
        postgres.awaitReady(Duration.ofMinutes(5),
                () -> postgres.logTail(5).contains("PostgreSQL ready") && portOpen(ports.postgres()));
    }

    /**
     * pg_ctl daemonises the server: if the JVM holding it was killed with SIGKILL, the server lives on.
     * Its postmaster.pid names it; stop it before starting afresh.
     */
    static void stopOrphanedPostgres(Path dataDir) {
        postmaster(dataDir).ifPresent(orphan -> {
            orphan.destroy();
            orphan.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> {
                orphan.destroyForcibly();
                return null;
            }).join();
        });
    }

    /** The running postmaster of a data folder, named by its postmaster.pid. */
    private static Optional<ProcessHandle> postmaster(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | RuntimeException e) {
            // No pid file, or a stale or unreadable one: PostgreSQL itself will say if the data folder is in use.
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        List<ChildProcess> reversed = new ArrayList<>(processes.values());
        Collections.reverse(reversed);
        reversed.parallelStream().forEach(ChildProcess::close);
        processes.clear();
        stopOrphanedPostgres(dataDir.resolve("postgres/data"));
    }

    static boolean httpAnswers(String url) {
        return httpStatus(url) > 0;
    }

    static int httpStatus(String url) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(3000);
            int status = connection.getResponseCode();
            connection.disconnect();
            return status;
        } catch (IOException e) {
            return -1;
        }
    }

    static boolean portOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A port nothing listens on, below the kernel's ephemeral range: a port from that range (what
     * {@code new ServerSocket(0)} answers) can be taken by any outgoing connection before the server meant for it
     * binds, as Kafka's own connections once took PostgreSQL's. Never the same one twice in this JVM.
     */
    public static int freePort() {
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = FIRST_FREE_PORT + RANDOM.nextInt(EPHEMERAL_PORTS_START - FIRST_FREE_PORT);
            if (HANDED_OUT.add(port)) {
                try (ServerSocket socket = new ServerSocket()) {
                    socket.bind(new InetSocketAddress("127.0.0.1", port));
                    return port;
                } catch (IOException taken) {
                    // someone listens there: try another
                }
            }
        }
        throw new StackException("no free port below " + EPHEMERAL_PORTS_START);
    }

    private static final int FIRST_FREE_PORT = 10_000;
    private static final int EPHEMERAL_PORTS_START = ephemeralPortsStart();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    /** Where Linux starts handing out ports to outgoing connections (32768 by default). */
    private static int ephemeralPortsStart() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
            return Math.max(FIRST_FREE_PORT + 1000, Integer.parseInt(range.split("\\s+")[0]));
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }

    static int envPort(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    private static void copyResource(String resource, Path target) throws IOException {
        try (InputStream in = LocalStack.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing resource " + resource);
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}

package io.contactimport.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The five services as real processes ({@code java -jar target/quarkus-app/quarkus-run.jar}), wired to a
 * {@link LocalStack} and to each other through environment variables. More instances of a service (row-processor
 * scales out) can be added and killed, which the tests use.
 */
public final class ServiceFleet implements AutoCloseable {

    /** The scheduling niceness of the bulk services (see {@link Service#bulk()}). */
    private static final int BULK_NICENESS = 10;

    private final StackLayout layout;
    private final LocalStack stack;
    private final Map<Service, Integer> ports;
    private final Map<String, String> extraEnvironment;
    private final Path logDir;
    private final List<Instance> instances = Collections.synchronizedList(new ArrayList<>());
    private final Map<Service, Map<String, String>> overrides = new ConcurrentHashMap<>();

    /** One running process of a service. */
    public record Instance(Service service, int port, ChildProcess process) {
        public String baseUrl() {
            return "http://127.0.0.1:" + port;
        }
    }

    public ServiceFleet(StackLayout layout, LocalStack stack, Map<Service, Integer> ports,
                        Map<String, String> extraEnvironment, Path logDir) {
        this.layout = layout;
        this.stack = stack;
        this.ports = new EnumMap<>(ports);
        this.extraEnvironment = Map.copyOf(extraEnvironment);
        this.logDir = logDir;
    }

    /** The ports of {@code ./dev}: the defaults, each overridable by {@code <SERVICE>_PORT}. */
    public static Map<Service, Integer> portsFromEnvironment() {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, LocalStack.envPort(service.portVariable(), service.defaultPort()));
        }
        return ports;
    }

    public static Map<Service, Integer> freePorts() {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, LocalStack.freePort());
        }
        return ports;
    }

    /** Starts one instance of every service, all at once, and waits until each reports ready. */
    public void startAll() {
        List<CompletableFuture<Instance>> starts = new ArrayList<>();
        for (Service service : Service.values()) {
            starts.add(CompletableFuture.supplyAsync(() -> start(service, ports.get(service))));
        }
        try {
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
        } catch (RuntimeException e) {
            close();
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw cause instanceof StackException se ? se : new StackException(cause.getMessage(), cause);
        }
    }

    /** Environment variables for every instance of a service started from now on, over the shared ones. */
    public void override(Service service, Map<String, String> environment) {
        overrides.put(service, Map.copyOf(environment));
    }

    /** Starts one more instance of a service on the given port and waits until it is ready. */
    public Instance start(Service service, int port) {
        Map<String, String> env = new LinkedHashMap<>(stack.serviceEnvironment());
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("PROPERTY_SERVICE_URL", url(Service.PROPERTY_SERVICE));
        env.put("STATUS_PROJECTOR_URL", url(Service.STATUS_PROJECTOR));
        env.put("ROW_PROCESSOR_URL", url(Service.ROW_PROCESSOR));
        env.put("EVENT_SCHEMAS_URL", url(Service.API_GATEWAY) + "/events/schemas");
        env.putAll(extraEnvironment);
        env.putAll(overrides.getOrDefault(service, Map.of()));
        String name = service.module() + "-" + port;
        List<String> jvm = new ArrayList<>(List.of("-Xmx" + heapFor(service), "-XX:+ExitOnOutOfMemoryError"));
        if (service == Service.API_GATEWAY) {
            // The gateway moves bytes and waits on other services: a serial heap and a smaller code cache keep its
            // footprint down while a 200 MB upload passes through (BENCHMARKS.md).
            jvm.addAll(List.of("-XX:+UseSerialGC", "-XX:ReservedCodeCacheSize=64m"));
        }
        if (service.bulk()) {
            // Throughput over pause times: no concurrent marking or G1 barriers for services that stream rows.
            jvm.add("-XX:+UseParallelGC");
        }
        // Bulk work yields the CPU to the services answering API calls: on a busy machine an import then barely
        // slows down, while status polls stay fast (BENCHMARKS.md). On Kubernetes, CPU requests play this part.
        int niceness = service.bulk() ? BULK_NICENESS : 0;
        ChildProcess process = ChildProcess.startJava(name, layout, niceness, jvm,
                List.of("-jar", layout.serviceJar(service.module()).toString()), env, logDir.resolve(name + ".log"));
        Instance instance = new Instance(service, port, process);
        instances.add(instance);
        process.awaitReady(Duration.ofSeconds(120),
                () -> LocalStack.httpStatus(instance.baseUrl() + "/q/health/ready") == 200);
        return instance;
    }

    /** The log of the instance started first for {@code service}, on the port the others reach it by. */
    public Path logFile(Service service) {
        return logFile(service, port(service));
    }

    /** The log of the instance of {@code service} started on {@code port}. */
    public Path logFile(Service service, int port) {
        return logDir.resolve(service.module() + "-" + port + ".log");
    }

    public String url(Service service) {
        return "http://127.0.0.1:" + port(service);
    }

    /** The port the other services are told to reach this service on. */
    public int port(Service service) {
        return ports.get(service);
    }

    public List<Instance> instances() {
        return List.copyOf(instances);
    }

    /** Kills an instance at once (SIGKILL), as a crash would. */
    public void kill(Instance instance) {
        ProcessHandle.of(instance.process().pid()).ifPresent(ProcessHandle::destroyForcibly);
        instances.remove(instance);
    }

    private static String heapFor(Service service) {
        return service == Service.API_GATEWAY || service == Service.IMPORT_SPLITTER ? "256m" : "384m";
    }

    @Override
    public void close() {
        List<Instance> running = new ArrayList<>(instances);
        running.parallelStream().forEach(instance -> instance.process().close());
        instances.clear();
    }
}

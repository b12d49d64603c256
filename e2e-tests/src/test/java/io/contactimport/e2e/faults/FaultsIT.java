package io.contactimport.e2e.faults;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.contactimport.contracts.Topic;
import io.contactimport.e2e.support.RunningSystem;
import io.contactimport.e2e.support.SlowLink;
import io.contactimport.stack.LocalStack.Server;
import io.contactimport.stack.Service;
import io.contactimport.stack.ServiceFleet;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fault suite: the same import, disturbed in one way per test in a system of its own, must end exactly as the
 * undisturbed run did — the same counts, and the same contacts field by field — with nothing restarted but the part
 * the test crashed. Each service and each server is SIGKILLed in the middle and started again; PostgreSQL, Kafka and
 * S3 are each gone for {@code -Doutage.seconds} (75 s by default: longer than any timeout of the clients and than the
 * messaging layer's 60-second watchdog; RELIABILITY.md records runs with 120 s); the gateway dies in the middle of an
 * upload that the client then retries with its Idempotency-Key. Every import must also have announced created,
 * in_progress and completed on contact-imports.status.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

    /** 240,000 contacts: 300,000 rows, the last 60,000 repeating earlier emails; 300 invalid rows; a typed property. */
    private static final int ROWS = 300_000;
    private static final String COLUMN_MAP = "{\"email\":\"email\",\"first_name\":\"first_name\",\"properties\":"
            + "{\"score\":{\"column\":\"score\",\"type\":\"number\"}}}";
    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("outage.seconds", 75));

    @TempDir
    static Path files;

    private static RunningSystem system;
    private static SlowLink storeLink;
    private static Path file;
    private static Map<String, Object> expectedCounts;
    private static String expectedContacts;
    private static final Map<String, String> importsByScenario = new HashMap<>();

    @BeforeAll
    static void startSystemAndImportUndisturbed() throws Exception {
        system = RunningSystem.start(Path.of("target/faults-stack").toAbsolutePath());
        // The splitter reads files through a link of 3 MB/s, so that S3 can fail in the middle of one.
        storeLink = SlowLink.to(URI.create(system.stack().s3Endpoint()).getPort(), 3 << 20);
        system.fleet().override(Service.IMPORT_SPLITTER, Map.of("S3_ENDPOINT",
                "http://127.0.0.1:" + storeLink.port()));
        restartKilled(Service.IMPORT_SPLITTER);
        StringBuilder csv = new StringBuilder("email,first_name,score\n");
        for (int i = 0; i < ROWS; i++) {
            String email = i % 1000 == 999 ? "not-an-email-" + i : "fault" + (i % 240_000) + "@example.com";
            csv.append(email).append(",F").append(i).append(',').append(i % 97).append('\n');
        }
        file = files.resolve("faults.csv");
        Files.writeString(file, csv);

        String key = system.newTeamKey();
        long started = System.nanoTime();
        String id = create(key);
        JsonPath done = system.awaitFinished(key, id);
        System.out.printf("[faults] undisturbed: the import took %.1f s%n", (System.nanoTime() - started) / 1e9);
        expectedCounts = done.getMap("counts");
        expectedContacts = system.contactsDigest(key);
        assertThat(expectedCounts).containsEntry("total", ROWS).containsEntry("failed", 300);
        importsByScenario.put("undisturbed", id);
    }

    @AfterAll
    static void stopSystem() throws IOException {
        if (system != null) {
            system.close();
        }
        if (storeLink != null) {
            storeLink.close();
        }
    }

    static Stream<Service> services() {
        return Stream.of(Service.values());
    }

    @Order(1)
    @ParameterizedTest(name = "{0} killed mid-import")
    @MethodSource("services")
    void aServiceKilledInTheMiddleAndStartedAgain(Service service) throws Exception {
        String key = system.newTeamKey();
        String id = create(key);
        // The splitter and property-service do their part first; the others while rows are applied.
        if (service == Service.IMPORT_SPLITTER || service == Service.PROPERTY_SERVICE) {
            awaitLog(Service.IMPORT_SPLITTER, "splitting import " + id);
        } else {
            system.awaitApplied(key, id, 30_000);
        }
        restartKilled(service);
        assertSameAsUndisturbed(service + " killed", key, id);
    }

    @Order(2)
    @ParameterizedTest(name = "{0} killed mid-import")
    @EnumSource(Server.class)
    void aServerKilledInTheMiddleAndStartedAgain(Server server) throws Exception {
        String key = system.newTeamKey();
        String id = create(key);
        awaitMidImport(server, key, id);
        system.stack().kill(server);
        RunningSystem.sleep(1_000);
        system.stack().start(server);
        assertSameAsUndisturbed(server + " killed", key, id);
        assertStoreFailedMidRead(server, id);
    }

    @Order(3)
    @ParameterizedTest(name = "{0} unavailable for the outage")
    @EnumSource(Server.class)
    void aServerUnavailableForMinutes(Server server) throws Exception {
        String key = system.newTeamKey();
        String id = create(key);
        awaitMidImport(server, key, id);
        system.stack().kill(server);
        RunningSystem.sleep(OUTAGE.toMillis());
        system.stack().start(server);
        assertSameAsUndisturbed(server + " down " + OUTAGE.toSeconds() + " s", key, id);
        assertStoreFailedMidRead(server, id);
    }

    @Order(4)
    @Test
    void theGatewayKilledMidUploadAndTheUploadRetriedWithItsIdempotencyKey() throws Exception {
        String key = system.newTeamKey();
        String idempotencyKey = "upload-" + UUID.randomUUID();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        CompletableFuture<HttpResponse<String>> cutOff = http.sendAsync(upload(key, idempotencyKey, true),
                HttpResponse.BodyHandlers.ofString());
        RunningSystem.sleep(2_000);
        assertThat(cutOff).isNotDone();
        restartKilled(Service.API_GATEWAY);
        assertThat(cutOff).failsWithin(Duration.ofSeconds(30));

        HttpResponse<String> retried = http.send(upload(key, idempotencyKey, false),
                HttpResponse.BodyHandlers.ofString());
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(201);
        HttpResponse<String> again = http.send(upload(key, idempotencyKey, false),
                HttpResponse.BodyHandlers.ofString());
        assertThat(again.body()).isEqualTo(retried.body());
        String id = JsonPath.from(retried.body()).getString("id");
        assertSameAsUndisturbed("gateway killed mid-upload", key, id);
        assertThat(given().header("Authorization", "Bearer " + key).get(system.api() + "/contacts/imports")
                .then().extract().<List<String>>path("data.id")).containsExactly(id);
    }

    @Order(5)
    @Test
    void everyImportAnnouncedCreatedInProgressAndCompleted() {
        Map<String, Set<String>> types = statusEventTypes();
        importsByScenario.forEach((scenario, id) -> assertThat(types.get(id)).as(scenario)
                .containsExactlyInAnyOrder("contact_import.created", "contact_import.in_progress",
                        "contact_import.completed", "contact_import.progress"));
    }

    /** S3 while the splitter reads the file (it takes about 3 s over the slow link); the others while rows apply. */
    private static void awaitMidImport(Server server, String key, String id) throws IOException {
        if (server == Server.S3) {
            awaitLog(Service.IMPORT_SPLITTER, "splitting import " + id);
            RunningSystem.sleep(1_200);
        } else {
            system.awaitApplied(key, id, 30_000);
        }
    }

    /** The S3 fault hit while the file was being read, the case that used to fail imports as invalid files. */
    private static void assertStoreFailedMidRead(Server server, String id) throws IOException {
        if (server == Server.S3) {
            awaitLog(Service.IMPORT_SPLITTER, "the object store stopped answering while import " + id + " was read");
        }
    }

    /** Also prints how long the import took to finish once the fault was over, for RELIABILITY.md. */
    private static void assertSameAsUndisturbed(String scenario, String key, String id) throws Exception {
        importsByScenario.put(scenario, id);
        long faultOver = System.nanoTime();
        JsonPath done = awaitFinishedThroughOutages(key, id);
        System.out.printf("[faults] %s: completed %.1f s after the fault was over%n", scenario,
                (System.nanoTime() - faultOver) / 1e9);
        assertThat(done.getString("status")).as(scenario).isEqualTo("completed");
        assertThat(done.getMap("counts")).as(scenario).isEqualTo(expectedCounts);
        assertThat(system.contactsDigest(key)).as(scenario).isEqualTo(expectedContacts);
    }

    /** Like RunningSystem's, but a 503 (the API's answer while a dependency is down) is only a reason to wait. */
    private static JsonPath awaitFinishedThroughOutages(String key, String id) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            var answer = given().header("Authorization", "Bearer " + key).get(system.api() + "/contacts/imports/" + id);
            if (answer.statusCode() == 200) {
                JsonPath body = answer.jsonPath();
                if (List.of("completed", "failed").contains(body.getString("status"))) {
                    return body;
                }
            } else {
                assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(503);
            }
            RunningSystem.sleep(500);
        }
        throw new AssertionError("import " + id + " did not finish");
    }

    private static String create(String key) {
        return given().header("Authorization", "Bearer " + key).multiPart("file", file.toFile(), "text/csv")
                .multiPart("column_map", COLUMN_MAP).post(system.api() + "/contacts/imports")
                .then().statusCode(201).extract().path("id");
    }

    /** The import's multipart request; {@code slowly}: the file trickles in over about ten seconds. */
    private static HttpRequest upload(String key, String idempotencyKey, boolean slowly) throws IOException {
        String boundary = "fault-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"column_map\"\r\n\r\n" + COLUMN_MAP
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"faults.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] csv = Files.readAllBytes(file);
        long length = head.length + csv.length + tail.length;
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> {
                    InputStream all = new SequenceInputStream(new ByteArrayInputStream(head),
                            new SequenceInputStream(new ByteArrayInputStream(csv), new ByteArrayInputStream(tail)));
                    return slowly ? new Trickle(all, length / 10) : all;
                }), length);
        return HttpRequest.newBuilder(URI.create(system.api() + "/contacts/imports"))
                .header("Authorization", "Bearer " + key).header("Idempotency-Key", idempotencyKey)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(body).build();
    }

    /** At most {@code bytesPerSecond}. */
    private static final class Trickle extends java.io.FilterInputStream {
        private final long bytesPerSecond;

        Trickle(InputStream in, long bytesPerSecond) {
            super(in);
            this.bytesPerSecond = bytesPerSecond;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int chunk = (int) Math.min(len, bytesPerSecond / 20);
            RunningSystem.sleep(50);
            return super.read(b, off, chunk);
        }
    }

    /** SIGKILL, then a new instance on the port the others know it by, as a Kubernetes Service keeps its address. */
    private static void restartKilled(Service service) {
        ServiceFleet fleet = system.fleet();
        fleet.instances().stream().filter(i -> i.service() == service).toList().forEach(fleet::kill);
        fleet.start(service, fleet.port(service));
    }

    private static void awaitLog(Service service, String line) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (ServiceFleet.Instance instance : system.fleet().instances()) {
                if (instance.service() == service && Files.readString(instance.process().logFile()).contains(line)) {
                    return;
                }
            }
            RunningSystem.sleep(20);
        }
        throw new AssertionError(service + " never logged " + line);
    }

    /** Every event type each import announced on contact-imports.status, read from the start as a consumer would. */
    private static Map<String, Set<String>> statusEventTypes() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "faults-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, Set<String>> types = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topic.IMPORT_STATUS.topicName()));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            int quietPolls = 0;
            while (System.nanoTime() < deadline && quietPolls < 5) {
                var records = consumer.poll(Duration.ofMillis(500));
                quietPolls = records.isEmpty() && !types.isEmpty() ? quietPolls + 1 : 0;
                for (ConsumerRecord<String, String> record : records) {
                    String type = new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
                    types.computeIfAbsent(record.key(), k -> new HashSet<>()).add(type);
                }
            }
        }
        return types;
    }
}

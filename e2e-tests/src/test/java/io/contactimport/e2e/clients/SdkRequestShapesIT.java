package io.contactimport.e2e.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactimport.e2e.support.RunningSystem;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The official SDKs that cannot run here (Python, Ruby, PHP, Go, Rust), replayed: each sends exactly the request its
 * public source builds for {@code Contacts.Imports.create} — part order, part headers, file name and content type,
 * field encoding, boundary style — and polls the import the way it would. The Node SDK, CLI, MCP server and Java SDK
 * run for real in {@link OfficialClientsIT}. Each shape must import three rows into two contacts, with the typed
 * property and the segment, and read a 422 with all of {@code statusCode}, {@code name} and {@code message}.
 */
class SdkRequestShapesIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Random RANDOM = new Random();

    private static RunningSystem system;

    @BeforeAll
    static void startSystem() {
        system = RunningSystem.shared();
    }

    /** What an SDK was asked to send: the file and the fields, before the SDK encodes them. */
    record Import(String sdk, byte[] csv, String segmentId) {
    }

    /** One SDK's request: its multipart body and headers, and how it polls (its GET's headers and body). */
    record Shape(String name, Function<Import, Multipart> create, Map<String, String> getHeaders, String getBody) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Shape> shapes() {
        return Stream.of(
                // resend-python: requests encodes `data` fields first (dict order), then `files`: ("import.csv",
                // bytes, "text/csv"); json.dumps puts a space after ':' and ','; segments become [{"id": …}].
                // Its GETs send json={} as the body.
                new Shape("python", request -> new Multipart(HexFormat.of().formatHex(randomBytes(16)))
                        .field("column_map", "{\"email\": \"Email\", \"first_name\": \"First Name\", \"properties\": "
                                + "{\"score\": {\"column\": \"Score\", \"type\": \"number\"}}}")
                        .field("on_conflict", "upsert")
                        .field("segments", "[{\"id\": \"" + request.segmentId() + "\"}]")
                        .file("import.csv", "text/csv", request.csv()),
                        Map.of("Accept", "application/json", "User-Agent", "resend-python:2.39.0",
                                "Content-Type", "application/json"), "{}"),
                // resend-ruby (HTTParty, multipart: true): the file first as import.csv, text/csv, then column_map
                // (to_json), on_conflict and segments normalised to [{"id": …}]. GETs carry Content-Type: JSON.
                new Shape("ruby", request -> new Multipart("------------------------" + base64(12))
                        .file("import.csv", "text/csv", request.csv())
                        .field("column_map", "{\"email\":\"Email\",\"first_name\":\"First Name\",\"properties\":"
                                + "{\"score\":{\"column\":\"Score\",\"type\":\"number\"}}}")
                        .field("on_conflict", "upsert")
                        .field("segments", "[{\"id\":\"" + request.segmentId() + "\"}]"),
                        Map.of("Accept", "application/json", "User-Agent", "ruby:1.0.0",
                                "Content-Type", "application/json"), null),
                // resend-php with fopen(): Guzzle's MultipartStream, parts in the caller's order, each with a
                // Content-Length; a resource part is named after its field (filename "file"); arrays are
                // json_encode'd, so segment ids given as a list of strings arrive bare.
                new Shape("php-fopen", request -> new Multipart(uniqid()).withPartLengths()
                        .file("file", "application/octet-stream", request.csv())
                        .field("column_map", "{\"email\":\"Email\",\"first_name\":\"First Name\",\"properties\":"
                                + "{\"score\":{\"column\":\"Score\",\"type\":\"number\"}}}")
                        .field("on_conflict", "upsert")
                        .field("segments", "[\"" + request.segmentId() + "\"]"),
                        Map.of("User-Agent", "resend-php/1.0.0", "Content-Type", "application/json"), null),
                // resend-php with the file as a string: a part with neither filename nor content type.
                new Shape("php-string", request -> new Multipart(uniqid()).withPartLengths()
                        .field("file", new String(request.csv(), StandardCharsets.UTF_8))
                        .field("column_map", "{\"email\":\"Email\",\"first_name\":\"First Name\",\"properties\":"
                                + "{\"score\":{\"column\":\"Score\",\"type\":\"number\"}}}")
                        .field("segments", "[{\"id\":\"" + request.segmentId() + "\"}]"),
                        Map.of("User-Agent", "resend-php/1.0.0", "Content-Type", "application/json"), null),
                // resend-go: CreateFormFile("file", "import.csv") (application/octet-stream) first, then the fields
                // from a Go map, in random order; json.Marshal sorts a map's keys.
                new Shape("go", request -> new Multipart(HexFormat.of().formatHex(randomBytes(30)))
                        .file("import.csv", "application/octet-stream", request.csv())
                        .shuffledFields(new LinkedHashMap<>(Map.of(
                                "column_map", "{\"email\":\"Email\",\"first_name\":\"First Name\",\"properties\":"
                                        + "{\"score\":{\"column\":\"Score\",\"type\":\"number\"}}}",
                                "on_conflict", "upsert",
                                "segments", "[{\"id\":\"" + request.segmentId() + "\"}]"))),
                        Map.of("Accept", "application/json", "User-Agent", "resend-go/3.0.0",
                                "Content-Type", "application/json"), null),
                // resend-rust (reqwest): the file as foo.csv, text/csv; then on_conflict, segments, topics as text
                // parts; column_map last.
                new Shape("rust", request -> new Multipart(String.join("-", hex16(), hex16(), hex16(), hex16()))
                        .file("foo.csv", "text/csv", request.csv())
                        .field("on_conflict", "upsert")
                        .field("segments", "[{\"id\":\"" + request.segmentId() + "\"}]")
                        .field("column_map", "{\"email\":\"Email\",\"first_name\":\"First Name\",\"properties\":"
                                + "{\"score\":{\"column\":\"Score\",\"type\":\"number\"}}}"),
                        Map.of("User-Agent", "resend-rust:0.31.0"), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void eachSdksRequestImportsWithExactCounts(Shape shape) throws Exception {
        String key = system.newTeamKey();
        String segment = JsonPath.from(send(key, "POST", "/segments", Map.of("Content-Type", "application/json"),
                "{\"name\":\"" + shape.name() + "\"}").body()).getString("id");
        String sdk = shape.name().replace("-", "");
        byte[] csv = ("Email,First Name,Score\n" + sdk + "-ada@example.com,Ada,1\n" + sdk + "-bob@example.com,Bob,2\n"
                + sdk.toUpperCase() + "-ADA@example.com,,42.5\n").getBytes(StandardCharsets.UTF_8);

        Multipart form = shape.create().apply(new Import(sdk, csv, segment));
        HttpResponse<String> created = send(key, "POST", "/contacts/imports",
                Map.of("Content-Type", "multipart/form-data; boundary=" + form.boundary()), form.bytes());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = JsonPath.from(created.body()).getString("id");

        JsonPath done = awaitFinished(key, id, shape);
        assertThat(done.getString("status")).isEqualTo("completed");
        assertThat(done.getMap("counts")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "total", 3, "created", 2, "updated", 1, "skipped", 0, "failed", 0));
        JsonPath ada = JsonPath.from(send(key, "GET", "/contacts/" + sdk + "-ada@example.com", shape.getHeaders(),
                shape.getBody()).body());
        assertThat(ada.getString("first_name")).isEqualTo("Ada");
        assertThat(ada.getDouble("properties.score.value")).isEqualTo(42.5);
        assertThat(send(key, "GET", "/contacts/" + ada.getString("id") + "/segments", shape.getHeaders(),
                shape.getBody()).body()).contains(segment);

        // The same SDK's request with a mapped header that is not in the file: a 422 every SDK can read.
        Multipart wrong = shape.create().apply(new Import(sdk, "Mail\nx@example.com\n"
                .getBytes(StandardCharsets.UTF_8), segment));
        HttpResponse<String> refused = send(key, "POST", "/contacts/imports",
                Map.of("Content-Type", "multipart/form-data; boundary=" + wrong.boundary()), wrong.bytes());
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonPath error = JsonPath.from(refused.body());
        assertThat(error.getMap("").keySet()).containsExactlyInAnyOrder("statusCode", "name", "message");
        assertThat(error.getString("message")).isEqualTo("Column `Email` (mapped to email) is not in the file's header.");
    }

    @Test
    void phpsEmptyPropertiesArrayMeansNoProperties() throws Exception {
        String key = system.newTeamKey();
        Multipart form = new Multipart(uniqid()).withPartLengths()
                .file("file", "application/octet-stream", "Email\nempty-props@example.com\n"
                        .getBytes(StandardCharsets.UTF_8))
                .field("column_map", "{\"email\":\"Email\",\"properties\":[]}");
        HttpResponse<String> created = send(key, "POST", "/contacts/imports",
                Map.of("Content-Type", "multipart/form-data; boundary=" + form.boundary()), form.bytes());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonPath done = system.awaitFinished(key, JsonPath.from(created.body()).getString("id"));
        assertThat(done.getInt("counts.created")).isEqualTo(1);
        assertThat(send(key, "POST", "/contacts", Map.of("Content-Type", "application/json"),
                "{\"email\":\"api-empty@example.com\",\"properties\":[],\"segments\":[]}").statusCode())
                .isEqualTo(201);
    }

    private static JsonPath awaitFinished(String key, String id, Shape shape) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        JsonPath body;
        do {
            HttpResponse<String> answer = send(key, "GET", "/contacts/imports/" + id, shape.getHeaders(),
                    shape.getBody());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            body = JsonPath.from(answer.body());
            if (List.of("completed", "failed").contains(body.getString("status"))) {
                return body;
            }
            RunningSystem.sleep(250);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("import " + id + " did not finish: " + body.prettify());
    }

    private static HttpResponse<String> send(String key, String method, String path, Map<String, String> headers,
                                             Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(system.api() + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + key);
        headers.forEach(request::header);
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : body instanceof byte[] bytes ? HttpRequest.BodyPublishers.ofByteArray(bytes)
                : HttpRequest.BodyPublishers.ofString((String) body);
        return HTTP.send(request.method(method, publisher).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A multipart/form-data body written part by part, as a client library writes it. */
    static final class Multipart {
        private final String boundary;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private boolean partLengths;

        Multipart(String boundary) {
            this.boundary = boundary;
        }

        /** Guzzle writes a Content-Length header into every part. */
        Multipart withPartLengths() {
            partLengths = true;
            return this;
        }

        Multipart field(String name, String value) {
            return part("form-data; name=\"" + name + "\"", null, value.getBytes(StandardCharsets.UTF_8));
        }

        Multipart file(String fileName, String contentType, byte[] content) {
            return part("form-data; name=\"file\"; filename=\"" + fileName + "\"", contentType, content);
        }

        /** Fields in an order that changes from run to run, as a Go map's iteration does. */
        Multipart shuffledFields(Map<String, String> fields) {
            List<String> names = new ArrayList<>(fields.keySet());
            Collections.shuffle(names, RANDOM);
            names.forEach(name -> field(name, fields.get(name)));
            return this;
        }

        private Multipart part(String disposition, String contentType, byte[] content) {
            StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: ").append(disposition).append("\r\n");
            if (partLengths) {
                head.append("Content-Length: ").append(content.length).append("\r\n");
            }
            if (contentType != null) {
                head.append("Content-Type: ").append(contentType).append("\r\n");
            }
            body.writeBytes(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            return this;
        }

        String boundary() {
            return boundary;
        }

        byte[] bytes() {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.writeBytes(body.toByteArray());
            all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return all.toByteArray();
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String base64(int bytes) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(bytes));
    }

    private static String hex16() {
        return String.format("%016x", RANDOM.nextLong());
    }

    /** PHP's uniqid('', true), Guzzle's boundary. */
    private static String uniqid() {
        return String.format("%13x.%08d", System.currentTimeMillis() * 1000, RANDOM.nextInt(100_000_000));
    }
}

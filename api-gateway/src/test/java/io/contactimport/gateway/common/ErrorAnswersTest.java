package io.contactimport.gateway.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.contactimport.gateway.support.StoredState;
import io.contactimport.support.rest.ApiErrorResponses;
import io.contactimport.stack.LocalStack.Server;
import io.contactimport.testing.LocalStackResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way the gateway refuses a request, walked one by one: each answer is the API's JSON error (Content-Type
 * application/json, exactly statusCode, name and message), whichever layer refused it. The other services are not
 * running here, so a routed call meets an owner that is down. The test profile's limits are small: uploads 64 KB,
 * form fields 8 KB, JSON bodies 16 KB.
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class ErrorAnswersTest {

    private static final String AUTH = "Bearer " + StoredState.KEY;
    private static final String BOUNDARY = "b0undary";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    Pool pool;

    /** A request the gateway must refuse, and how. */
    record Refusal(String name, Function<URI, HttpRequest> request, int status, String error, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Refusal> refusals() {
        String file = part("file", "c.csv", "text/csv", "email\nada@example.com\n");
        return Stream.of(
                new Refusal("no API key", base -> HttpRequest.newBuilder(base.resolve("/contacts/imports")).build(),
                        401, "missing_api_key", "Missing API key in the authorization header."),
                new Refusal("unknown API key", base -> get(base, "/contacts/imports")
                        .setHeader("Authorization", "Bearer re_nope").build(), 403, "invalid_api_key",
                        "API key is invalid"),
                new Refusal("unknown path", base -> get(base, "/no-such-path").build(),
                        404, "not_found", "The requested endpoint does not exist."),
                new Refusal("an id that is no id", base -> get(base, "/contacts/imports/not-an-id").build(),
                        404, "not_found", "Contact import not found"),
                new Refusal("method not allowed", base -> request(base, "/contacts/imports")
                        .method("DELETE", HttpRequest.BodyPublishers.noBody()).build(),
                        405, "method_not_allowed", "Method is not allowed for the requested path."),
                new Refusal("not JSON accepted", base -> get(base, "/contacts/imports/not-an-id")
                        .setHeader("Accept", "text/html").build(), 406, "validation_error", "accept application/json"),
                new Refusal("JSON where a form is expected", base -> post(base, "/contacts/imports",
                        "application/json", "{}"), 422, "validation_error", "The request body could not be read"),
                new Refusal("multipart without a boundary", base -> post(base, "/contacts/imports",
                        "multipart/form-data", file), 422, "validation_error", "Missing `file` field"),
                new Refusal("a part header without a colon", base -> multipart(base, "--" + BOUNDARY
                        + "\r\nContent-Disposition form-data\r\n\r\nx\r\n--" + BOUNDARY + "--\r\n"),
                        422, "validation_error", "The multipart body is malformed"),
                new Refusal("no closing boundary", base -> multipart(base, file),
                        422, "validation_error", "The multipart body ended before its closing boundary"),
                new Refusal("an upload announcing more than the limit", base -> multipart(base, file
                        + "x".repeat(70_000) + end()), 413, "validation_error",
                        "The upload is larger than the limit of 64 KB."),
                new Refusal("a chunked upload over the limit", base -> chunked(base, "/contacts/imports",
                        "multipart/form-data; boundary=" + BOUNDARY, part("file", "c.csv", "text/csv",
                                "email\n" + "someone@example.com\n".repeat(5_000)) + end()),
                        413, "validation_error", "The upload is larger than the limit of 64 KB."),
                new Refusal("column_map over the field limit", base -> multipart(base, file + part("column_map",
                        null, null, "{\"email\":\"" + "e".repeat(9_000) + "\"}") + end()),
                        413, "validation_error", "`column_map` is larger than the limit of 8 KB."),
                new Refusal("an unknown field over the field limit", base -> multipart(base, file
                        + part("notes", null, null, "n".repeat(9_000)) + end()),
                        413, "validation_error", "A form field is larger than the limit of 8 KB"),
                new Refusal("a JSON body announcing more than its limit", base -> post(base, "/contacts",
                        "application/json", "{\"email\":\"" + "e".repeat(20_000) + "\"}"),
                        413, "validation_error", "The request body is larger than the limit of 16 KB."),
                new Refusal("a chunked JSON body over its limit", base -> chunked(base, "/contacts",
                        "application/json", "{\"email\":\"" + "e".repeat(20_000) + "\"}"),
                        413, "validation_error", "The request body is larger than the limit of 16 KB."),
                new Refusal("an idempotency key too long", base -> request(base, "/contacts/imports")
                        .setHeader("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                        .setHeader("Idempotency-Key", "k".repeat(300))
                        .POST(HttpRequest.BodyPublishers.ofString(file + end())).build(),
                        400, "invalid_idempotency_key", "between 1 and 256 characters"),
                new Refusal("the owner of the data is down", base -> get(base, "/contacts").build(),
                        503, "application_error", "not reachable"),
                new Refusal("an empty body to a routed path", base -> post(base, "/contacts/a@example.com/segments/s",
                        "application/json", ""), 503, "application_error", "not reachable"),
                new Refusal("an empty chunked body to a routed path", base -> chunked(base,
                        "/contacts/a@example.com/segments/s", "application/json", ""),
                        503, "application_error", "not reachable"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void everyRefusalIsTheApisJsonError(Refusal refusal) throws Exception {
        URI base = URI.create(RestAssured.baseURI + ":" + RestAssured.port);
        HttpResponse<String> answer = HTTP.send(refusal.request().apply(base), HttpResponse.BodyHandlers.ofString());
        JsonObject body = assertApiError(answer, refusal.status(), refusal.error());
        assertTrue(body.getString("message").contains(refusal.message()), body.getString("message"));
        if (refusal.status() == 503) {
            assertEquals("5", answer.headers().firstValue("Retry-After").orElse(null));
        }
    }

    @Test
    void anImportWhileTheObjectStoreIsDownIs503AndLeavesNothingBehind() throws Exception {
        assertUnavailableWhileDown(Server.S3);
    }

    @Test
    void anImportWhilePostgresqlIsDownIs503AndLeavesNothingBehind() throws Exception {
        assertUnavailableWhileDown(Server.POSTGRES);
    }

    private void assertUnavailableWhileDown(Server server) throws Exception {
        URI base = URI.create(RestAssured.baseURI + ":" + RestAssured.port);
        LocalStackResource.sharedStack().kill(server);
        HttpResponse<String> answer;
        try {
            answer = HTTP.send(multipart(base, part("file", "c.csv", "text/csv", "email\nada@example.com\n")
                    + end()), HttpResponse.BodyHandlers.ofString());
        } finally {
            LocalStackResource.sharedStack().start(server);
        }
        JsonObject body = assertApiError(answer, 503, "application_error");
        assertEquals(ApiErrorResponses.UNAVAILABLE_MESSAGE, body.getString("message"));
        assertEquals("5", answer.headers().firstValue("Retry-After").orElse(null));
        new StoredState(pool).assertNothingLeftBehind();
    }

    private static JsonObject assertApiError(HttpResponse<String> answer, int status, String name) {
        assertEquals(status, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                answer.headers().map().toString());
        JsonObject body = new JsonObject(answer.body());
        assertEquals(Set.of("statusCode", "name", "message"), body.fieldNames(), answer.body());
        assertEquals(status, body.getInteger("statusCode"));
        assertEquals(name, body.getString("name"));
        return body;
    }

    private static HttpRequest.Builder request(URI base, String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).header("Authorization", AUTH);
    }

    private static HttpRequest.Builder get(URI base, String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", AUTH).GET();
    }

    private static HttpRequest post(URI base, String path, String contentType, String body) {
        return request(base, path).setHeader("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpRequest multipart(URI base, String body) {
        return post(base, "/contacts/imports", "multipart/form-data; boundary=" + BOUNDARY, body);
    }

    /** Without a length: sent with Transfer-Encoding: chunked. */
    private static HttpRequest chunked(URI base, String path, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return request(base, path).setHeader("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build();
    }

    private static String part(String name, String fileName, String contentType, String content) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"") + "\r\n"
                + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n") + "\r\n" + content + "\r\n";
    }

    private static String end() {
        return "--" + BOUNDARY + "--\r\n";
    }
}

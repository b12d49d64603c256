package io.contactimport.gateway.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Imports a two-row file through a running gateway and waits for it to complete: what {@code helm test} runs (and
 * anyone can, {@code /app/admin smoke-test <gateway url>}). It makes a team and key of its own, and revokes the key
 * when done; the team ("smoke test …") stays, with its two contacts, as a record of the run.
 */
public final class SmokeImport {

    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private SmokeImport() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: smoke-test <gateway url, e.g. http://imports-api-gateway>");
            System.exit(2);
        }
        try {
            System.out.println(run(GatewayDatabase.fromEnvironment(), args[0]));
        } catch (SmokeTestFailed e) {
            System.err.println("smoke test failed: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Answers a line saying what was imported; throws {@link SmokeTestFailed} saying what went wrong. */
    public static String run(GatewayDatabase database, String gateway) throws SQLException, IOException,
            InterruptedException {
        String created = TeamKeys.run(database, "create", "smoke test " + Instant.now());
        String key = created.substring(created.indexOf("key  ") + 5).trim();
        try {
            String id = post(gateway, key).get("id").asText();
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < deadline) {
                JsonNode status = get(gateway + "/contacts/imports/" + id, key);
                switch (status.path("status").asText()) {
                    case "completed" -> {
                        if (status.path("counts").path("created").asInt() != 2) {
                            throw new SmokeTestFailed("import " + id + " completed with " + status.path("counts"));
                        }
                        return "import " + id + " completed: " + status.path("counts");
                    }
                    case "failed" -> throw new SmokeTestFailed("import " + id + " failed: " + status.path("error"));
                    default -> Thread.sleep(500);
                }
            }
            throw new SmokeTestFailed("import " + id + " did not complete within " + PATIENCE.toMinutes() + " min");
        } finally {
            TeamKeys.run(database, "revoke", key);
        }
    }

    private static JsonNode post(String gateway, String key) throws IOException, InterruptedException {
        String boundary = "smoke-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"smoke.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nemail,first_name\nsmoke.1@example.com,One\nsmoke.2@example.com,Two\n"
                + "\r\n--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/contacts/imports"))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return answer(request, 201);
    }

    private static JsonNode get(String url, String key) throws IOException, InterruptedException {
        return answer(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key).build(), 200);
    }

    private static JsonNode answer(HttpRequest request, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new SmokeTestFailed(request.method() + " " + request.uri() + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    static final class SmokeTestFailed extends RuntimeException {
        SmokeTestFailed(String message) {
            super(message);
        }
    }
}

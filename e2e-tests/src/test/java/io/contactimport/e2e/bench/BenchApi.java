package io.contactimport.e2e.bench;

import io.contactimport.stack.ServiceFleet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the benchmarks do through the API (streamed uploads, status reads) and how they report it. */
final class BenchApi {

    private static final Pattern STATUS = Pattern.compile("\"status\":\"(\\w+)\"");
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String api;

    BenchApi(String api) {
        this.api = api;
    }

    /** Uploads a file, streamed from disk; {@code columnMap} may be null (the header's default mapping). */
    String post(String key, Path file, String columnMap, String onConflict) throws Exception {
        String boundary = "bench" + UUID.randomUUID();
        List<byte[]> parts = new ArrayList<>();
        if (columnMap != null) {
            parts.add(field(boundary, "column_map", columnMap));
        }
        parts.add(field(boundary, "on_conflict", onConflict));
        parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(
                HttpRequest.BodyPublishers.ofByteArrays(parts), HttpRequest.BodyPublishers.ofFile(file),
                HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(api + "/contacts/imports"))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(body).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST answered " + response.statusCode() + ": " + response.body());
        }
        Matcher id = ID.matcher(response.body());
        id.find();
        return id.group(1);
    }

    private static byte[] field(String boundary, String name, String value) {
        return ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The import as {@code GET /contacts/imports/{id}} answers; a connection failure reads as "unreachable". */
    String get(String key, String id) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(api + "/contacts/imports/" + id))
                    .header("Authorization", "Bearer " + key).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException | InterruptedException e) {
            return "{\"status\":\"unreachable\"}";
        }
    }

    static String status(String body) {
        Matcher m = STATUS.matcher(body);
        return m.find() ? m.group(1) : "?";
    }

    static boolean ended(String body) {
        return status(body).equals("completed") || status(body).equals("failed");
    }

    static String counts(String body) {
        int at = body.indexOf("\"counts\":");
        return at < 0 ? body : body.substring(at + 9, body.indexOf('}', at) + 1);
    }

    static String peakRss(ServiceFleet.Instance instance) throws IOException {
        Path status = Path.of("/proc", Long.toString(instance.process().pid()), "status");
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmHWM"))
                .findFirst().orElse("VmHWM: ?").replaceAll("VmHWM:\\s+", "");
    }

    static void failIfAServiceDied(ServiceFleet fleet) {
        for (ServiceFleet.Instance instance : fleet.instances()) {
            if (!instance.process().isAlive()) {
                throw new IllegalStateException(instance.process().name() + " died; last lines of its log:\n"
                        + instance.process().logTail(20));
            }
        }
    }

    static String seconds(long nanos) {
        return String.format("%.1f s", nanos / 1e9);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

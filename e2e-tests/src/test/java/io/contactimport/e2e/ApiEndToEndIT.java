package io.contactimport.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactimport.e2e.support.RunningSystem;
import io.contactimport.gateway.admin.TeamKeys;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.specification.RequestSpecification;
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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API around imports (contacts, properties, segments, topics, keys, limits) through the gateway. */
class ApiEndToEndIT {

    private static RunningSystem system;

    @TempDir
    static Path files;

    @BeforeAll
    static void startSystem() {
        system = RunningSystem.shared();
    }

    private static RequestSpecification as(String key) {
        return system.as(key);
    }

    @Test
    void contactsWithPropertiesSegmentsAndTopicsAreScopedToTheirTeam() throws Exception {
        String key = system.newTeamKey();
        as(key).body("{\"key\":\"score\",\"type\":\"number\"}").post("/contact-properties").then().statusCode(201);
        String segment = as(key).body("{\"name\":\"VIP\"}").post("/segments").then().statusCode(201)
                .body("object", equalTo("segment")).extract().path("id");
        as(key).get("/audiences").then().statusCode(200).body("data.id", contains(segment));
        String topic = as(key).body("{\"name\":\"News\",\"default_subscription\":\"opt_in\"}").post("/topics")
                .then().statusCode(201).extract().path("id");

        String id = as(key).body("{\"email\":\"Ann+tag@Example.com\",\"first_name\":\"Ann\",\"properties\":{\"score\":\"7.5\"},"
                        + "\"segments\":[{\"id\":\"" + segment + "\"}],\"topics\":[{\"id\":\"" + topic + "\",\"subscription\":\"opt_out\"}]}")
                .post("/contacts").then().statusCode(201).body("object", equalTo("contact")).extract().path("id");
        as(key).get("/contacts/ann+tag@example.com").then().statusCode(200)
                .body("id", equalTo(id)).body("email", equalTo("ann+tag@example.com"))
                .body("unsubscribed", equalTo(false))
                .body("properties.score.type", equalTo("number")).body("properties.score.value", equalTo(7.5f));
        as(key).get("/contacts/" + id + "/segments").then().statusCode(200).body("data.name", contains("VIP"));
        // Official clients send an empty body with Content-Type: application/json on POST and DELETE.
        as(key).body("").delete("/contacts/" + id + "/segments/" + segment).then().statusCode(200)
                .body("deleted", equalTo(true));
        as(key).body("").post("/contacts/" + id + "/segments/" + segment).then().statusCode(201)
                .body("id", equalTo(segment));
        as(key).get("/segments/" + segment + "/contacts").then().statusCode(200).body("data.id", contains(id));
        as(key).get("/contacts/" + id + "/topics").then().statusCode(200)
                .body("data[0].subscription", equalTo("opt_out"));

        as(key).body("{\"first_name\":null,\"properties\":{\"score\":null}}").patch("/contacts/" + id)
                .then().statusCode(200).body("id", equalTo(id));
        as(key).get("/contacts/" + id).then().body("first_name", nullValue()).body("properties.size()", equalTo(0));
        as(key).body("{\"properties\":{\"score\":\"lots\"}}").patch("/contacts/" + id).then().statusCode(422)
                .body("message", equalTo("Property `score` is of type number: `lots` is not a number."));

        String stranger = system.newTeamKey();
        as(stranger).get("/contacts/" + id).then().statusCode(404).body("message", equalTo("Contact not found"));
        as(stranger).get("/segments/" + segment).then().statusCode(404).body("name", equalTo("not_found"));
        as(stranger).delete("/contacts/" + id).then().statusCode(404);

        as(key).body("{\"first_name\":\"No email\"}").post("/contacts").then().statusCode(422)
                .body("name", equalTo("missing_required_field")).body("message", equalTo("Missing `email` field."));
        as(key).get("/contacts?limit=500").then().statusCode(422)
                .body("message", equalTo("The pagination limit must be a number between 1 and 100."));
        as(key).delete("/contacts/" + id).then().statusCode(200).body("deleted", equalTo(true)).body("contact", equalTo(id));
        as(key).get("/contacts/" + id).then().statusCode(404);
        as(key).get("/no-such-thing").then().statusCode(404).body("name", equalTo("not_found"));
    }

    @Test
    void anImportJoinsItsSegmentAndTopicAndAnUnknownSegmentIsNotFound() throws Exception {
        String key = system.newTeamKey();
        String segment = as(key).body("{\"name\":\"Imported\"}").post("/segments").then().statusCode(201)
                .extract().path("id");
        String topic = as(key).body("{\"name\":\"Offers\",\"default_subscription\":\"opt_in\"}").post("/topics")
                .then().statusCode(201).extract().path("id");
        Path file = files.resolve("segment.csv");
        Files.writeString(file, "email,plan\nx1@example.com,pro\nx2@example.com,free\n");

        given().baseUri(system.api()).header("Authorization", "Bearer " + key).multiPart("file", file.toFile())
                .multiPart("segments", "[{\"id\":\"" + UUID.randomUUID() + "\"}]")
                .post("/contacts/imports").then().statusCode(404).body("name", equalTo("not_found"));
        as(key).get("/contacts/imports").then().body("data.size()", equalTo(0));

        String id = given().baseUri(system.api()).header("Authorization", "Bearer " + key)
                .multiPart("file", file.toFile())
                .multiPart("column_map", "{\"email\":\"email\",\"properties\":{\"plan\":{\"column\":\"plan\"}}}")
                .multiPart("segments", "[{\"id\":\"" + segment + "\"}]")
                .multiPart("topics", "[{\"id\":\"" + topic + "\",\"subscription\":\"opt_out\"}]")
                .post("/contacts/imports").then().statusCode(201).extract().path("id");
        assertThat(system.awaitFinished(key, id).getMap("counts")).containsEntry("created", 2);
        assertThat(as(key).get("/segments/" + segment + "/contacts").then().statusCode(200).extract()
                .<List<String>>path("data.email")).containsExactlyInAnyOrder("x1@example.com", "x2@example.com");
        as(key).get("/contacts/x1@example.com/topics").then().body("data[0].subscription", equalTo("opt_out"));
        as(key).get("/contacts/x2@example.com").then().body("properties.plan.value", equalTo("free"));
        as(key).get("/contact-properties").then().body("data.key", contains("plan"));
    }

    @Test
    void anIdempotencyKeyAnswersARetryWithTheFirstAnswerAndCreatesNothingNew() throws Exception {
        String key = system.newTeamKey();
        String idempotencyKey = "create-" + UUID.randomUUID();
        String body = "{\"email\":\"once@example.com\"}";
        String first = as(key).header("Idempotency-Key", idempotencyKey).body(body).post("/contacts")
                .then().statusCode(201).extract().path("id");
        as(key).header("Idempotency-Key", idempotencyKey).body(body).post("/contacts")
                .then().statusCode(201).body("id", equalTo(first));
        as(key).header("Idempotency-Key", idempotencyKey).body("{\"email\":\"other@example.com\"}").post("/contacts")
                .then().statusCode(409).body("name", equalTo("invalid_idempotent_request"));
        as(key).header("Idempotency-Key", "x".repeat(257)).body(body).post("/contacts")
                .then().statusCode(400).body("name", equalTo("invalid_idempotency_key"));

        Path file = files.resolve("idempotent.csv");
        Files.writeString(file, "email\nretry@example.com\n");
        List<String> ids = new ArrayList<>();
        for (int attempt = 0; attempt < 2; attempt++) {
            ids.add(given().baseUri(system.api()).header("Authorization", "Bearer " + key)
                    .header("Idempotency-Key", "import-1").multiPart("file", file.toFile())
                    .post("/contacts/imports").then().statusCode(201).extract().path("id"));
        }
        assertThat(ids.get(1)).isEqualTo(ids.get(0));
        system.awaitFinished(key, ids.get(0));
        as(key).get("/contacts/imports").then().body("data.id", contains(ids.get(0)));
        Files.writeString(file, "email\nsomeone-else@example.com\n");
        given().baseUri(system.api()).header("Authorization", "Bearer " + key).header("Idempotency-Key", "import-1")
                .multiPart("file", file.toFile()).post("/contacts/imports")
                .then().statusCode(409).body("name", equalTo("invalid_idempotent_request"));
    }

    @Test
    void everyAnswerCarriesTheRateLimitAndABurstIsToldToWait() throws Exception {
        String key = system.newTeamKey();
        as(key).get("/segments").then().statusCode(200)
                .header("ratelimit-limit", String.valueOf(RunningSystem.RATE_LIMIT_PER_SECOND))
                .header("ratelimit-remaining", notNullValue()).header("ratelimit-reset", notNullValue());
        // A burst: 4× the limit sent at once, so it cannot be spread over several one-second windows.
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(system.api() + "/segments"))
                .header("Authorization", "Bearer " + key).build();
        List<HttpResponse<String>> answers = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        for (int i = 0; i < 4 * RunningSystem.RATE_LIMIT_PER_SECOND; i++) {
            burst.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> answer : burst) {
            answers.add(answer.get());
        }
        HttpResponse<String> limited = answers.stream().filter(a -> a.statusCode() == 429).findFirst().orElse(null);
        assertThat(limited).as("a burst over the limit meets a 429").isNotNull();
        assertThat(limited.body()).contains("\"name\":\"rate_limit_exceeded\"");
        assertThat(limited.headers().firstValue("retry-after")).hasValue("1");
        assertThat(limited.headers().firstValue("ratelimit-remaining")).hasValue("0");
        RunningSystem.sleep(1100);
        as(key).get("/segments").then().statusCode(200);
    }

    @Test
    void anOperatorCreatesATeamWithAKeyAndRevokesIt() throws Exception {
        String created = TeamKeys.run(system.gatewayDatabase(), "create", "Operators' team");
        String key = created.substring(created.indexOf("key  ") + 5).trim();
        assertThat(key).startsWith("re_");
        as(key).get("/segments").then().statusCode(200).body("data.size()", equalTo(0));
        assertThat(TeamKeys.run(system.gatewayDatabase(), "revoke", key)).isEqualTo("revoked");
        // Gateways remember a key's team for API_KEY_CACHE_TTL (5 s by default).
        long revokedAt = System.nanoTime();
        while (as(key).get("/segments").statusCode() == 200) {
            assertThat(Duration.ofNanos(System.nanoTime() - revokedAt)).isLessThan(Duration.ofSeconds(7));
            RunningSystem.sleep(250);
        }
        as(key).get("/segments").then().statusCode(403).body("name", equalTo("invalid_api_key"));
    }

    @Test
    void suggestionsMapAFileAndLearnFromTheMappingATeamConfirms() throws Exception {
        String key = system.newTeamKey();
        Path file = files.resolve("suggest.csv");
        Files.writeString(file, "Correo electrónico,Nombre,Apellidos,Código cliente,Puntos\n"
                + "ana@example.es,Ana,Ruiz,C-1,10\nluis@example.es,Luis,Gil,C-2,4\n");
        given().baseUri(system.api()).header("Authorization", "Bearer " + key).multiPart("file", file.toFile())
                .post("/contacts/imports/suggestions").then().statusCode(200)
                .body("object", equalTo("column_suggestions"))
                .body("columns.target", contains("email", "first_name", "last_name", "new_property", "new_property"))
                .body("column_map.email", equalTo("Correo electrónico"))
                .body("column_map.properties.lead_score.type", equalTo("number"));

        String id = given().baseUri(system.api()).header("Authorization", "Bearer " + key).multiPart("file", file.toFile())
                .multiPart(new MultiPartSpecBuilder("{\"email\":\"Correo electrónico\",\"first_name\":\"Nombre\","
                        + "\"properties\":{\"customer_code\":{\"column\":\"Código cliente\"}}}")
                        .controlName("column_map").charset(StandardCharsets.UTF_8).build())
                .post("/contacts/imports").then().statusCode(201).extract().path("id");
        system.awaitFinished(key, id);
        given().baseUri(system.api()).header("Authorization", "Bearer " + key).multiPart("file", file.toFile())
                .post("/contacts/imports/suggestions").then().statusCode(200)
                // What the map named is remembered; the columns it merely left out are suggested as before.
                .body("columns.target", contains("email", "first_name", "last_name", "existing_property",
                        "new_property"))
                .body("columns[3].key", equalTo("customer_code"))
                .body("columns[3].reason", equalTo("your team chose this for the same header before"));
        given().baseUri(system.api()).header("Authorization", "Bearer " + key)
                .multiPart("file", "empty.csv", new byte[0]).post("/contacts/imports/suggestions")
                .then().statusCode(422).body("name", equalTo("validation_error"));
    }

    @Test
    void aEuropeanExportImportsWithTheMapTheSuggestionsMake() throws Exception {
        String key = system.newTeamKey();
        Path file = files.resolve("europe.csv");
        Files.writeString(file, "E-Mail;Vorname;Geburtsdatum;Betrag;Angemeldet am\n"
                + "ana@example.de;Ana;23.08.1988;35,00;03/04/2025 09:15\n"
                + "luis@example.de;Luis;05.02.1990;1.234,50;15/04/2025 18:40\n"
                + "eva@example.de;Eva;11.11.1979;0,00;30/04/2025 07:02\n");
        Map<String, Object> columnMap = given().baseUri(system.api()).header("Authorization", "Bearer " + key)
                .multiPart("file", file.toFile()).post("/contacts/imports/suggestions").then().statusCode(200)
                .body("column_map.properties.birth_date.format", equalTo("DD/MM/YYYY"))
                .body("column_map.properties.amount.type", equalTo("number"))
                .extract().path("column_map");
        String id = given().baseUri(system.api()).header("Authorization", "Bearer " + key)
                .multiPart("file", file.toFile())
                .multiPart(new MultiPartSpecBuilder(new ObjectMapper().writeValueAsString(columnMap))
                        .controlName("column_map").charset(StandardCharsets.UTF_8).build())
                .post("/contacts/imports").then().statusCode(201).extract().path("id");
        assertThat(system.awaitFinished(key, id).getMap("counts")).containsEntry("created", 3)
                .containsEntry("failed", 0);
        as(key).get("/contacts/ana@example.de").then().statusCode(200)
                .body("properties.birth_date.value", equalTo("1988-08-23"))
                .body("properties.amount.value", equalTo(35.0f));
        as(key).get("/contacts/luis@example.de").then().body("properties.amount.value", equalTo(1234.5f));
        as(key).get("/contacts/imports/" + id).then()
                .body("column_map.properties.birth_date.format", equalTo("DD/MM/YYYY"));
    }
}

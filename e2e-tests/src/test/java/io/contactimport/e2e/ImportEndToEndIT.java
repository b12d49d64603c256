package io.contactimport.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.contactimport.e2e.support.RunningSystem;
import io.contactimport.stack.LocalStack;
import io.contactimport.stack.Service;
import io.contactimport.stack.ServiceFleet;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The five services as real processes on the real stack, driven over HTTP as a user would. */
class ImportEndToEndIT {

    private static RunningSystem system;
    private static String api;
    private static String API_KEY;

    @TempDir
    static Path files;

    @BeforeAll
    static void startSystem() throws Exception {
        system = RunningSystem.shared();
        api = system.api();
        API_KEY = system.newTeamKey();
    }

    @Test
    void importsAFewThousandRowsToCompletedWithExactCounts() throws IOException {
        // 3,000 distinct contacts, 200 repeated emails (later rows update), 50 invalid emails, 11 malformed rows (one
        // with a NUL character, which PostgreSQL cannot store).
        StringBuilder csv = new StringBuilder("Email Address,First Name,Last Name,Unsubscribed\r\n");
        for (int i = 0; i < 3000; i++) {
            csv.append("person").append(i).append("@example.com,First").append(i).append(",Last").append(i)
                    .append(i % 10 == 0 ? ",yes" : ",").append("\r\n");
        }
        for (int i = 0; i < 200; i++) {
            csv.append("PERSON").append(i).append("@Example.com,Again").append(i).append(",,\r\n");
        }
        for (int i = 0; i < 49; i++) {
            csv.append("not-an-email-").append(i).append(",X,Y,\r\n");
        }
        csv.append("\"=HYPERLINK(\"\"http://evil\"\")\",\"Smith, Jr.\",Y,\r\n");
        csv.append("nul@example.com,Nu\0l,Row,\r\n");
        for (int i = 0; i < 10; i++) {
            csv.append("broken").append(i).append("@example.com,only-two-fields\r\n");
        }
        Path file = files.resolve("contacts.csv");
        Files.writeString(file, csv);

        String id = createImport(file, null);
        JsonPath done = awaitFinished(id);

        assertThat(done.getString("status")).isEqualTo("completed");
        assertThat(done.getString("completed_at")).isNotNull();
        assertThat(done.getMap("counts")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "total", 3261, "created", 3000, "updated", 200, "skipped", 0, "failed", 61));

        // The failed rows, as JSON pages in file order and as a CSV to fix and import again.
        given().header("Authorization", "Bearer " + API_KEY).queryParam("limit", 50)
                .when().get(api + "/contacts/imports/" + id + "/errors")
                .then().statusCode(200).body("has_more", equalTo(true)).body("data.size()", equalTo(50))
                .body("data[0].row", equalTo(3201)).body("data[0].reason", equalTo("invalid_email"))
                .body("data[0].values.'Email Address'", equalTo("not-an-email-0"));
        String errorsCsv = given().header("Authorization", "Bearer " + API_KEY).queryParam("format", "csv")
                .when().get(api + "/contacts/imports/" + id + "/errors")
                .then().statusCode(200).extract().asString();
        List<String> lines = errorsCsv.lines().toList();
        assertThat(lines).hasSize(62);
        assertThat(lines.get(0)).isEqualTo("Email Address,First Name,Last Name,Unsubscribed,error");
        assertThat(lines).contains("\"'=HYPERLINK(\"\"http://evil\"\")\",\"Smith, Jr.\",Y,,"
                + "\"'=HYPERLINK(\"\"http://evil\"\")' is not a valid email address.\"");
        assertThat(lines).contains("nul@example.com,Nu\uFFFDl,Row,,The row contains a NUL character (U+0000).");
        assertThat(lines.get(61)).startsWith("broken9@example.com,only-two-fields,,,\"The row has 2 fields");

        // The same file again with skip: every valid row meets an existing contact.
        String again = createImport(file, "skip");
        assertThat(awaitFinished(again).getMap("counts")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "total", 3261, "created", 0, "updated", 0, "skipped", 3200, "failed", 61));

        given().header("Authorization", "Bearer " + API_KEY).queryParam("status", "completed")
                .when().get(api + "/contacts/imports")
                .then().statusCode(200).body("object", equalTo("list"))
                .body("data[0].id", equalTo(again)).body("data[1].id", equalTo(id));
    }

    @Test
    void importsAWideExportMappedInFullWithThreeHundredProperties() throws Exception {
        // A CRM export of 300 custom columns, every one mapped: a column_map of about 18 KB (a 2,000-property map,
        // about 200 KB, is within the default limit of 256 KB as well).
        int width = 300;
        StringBuilder csv = new StringBuilder("Email");
        StringBuilder properties = new StringBuilder();
        for (int c = 1; c <= width; c++) {
            csv.append(",Custom Field ").append(c);
            properties.append(c == 1 ? "" : ",").append("\"custom_field_").append(c).append("\":{\"column\":")
                    .append("\"Custom Field ").append(c).append("\",\"type\":\"").append(c % 3 == 0 ? "number" : "string")
                    .append("\"}");
        }
        csv.append('\n');
        for (int r = 0; r < 400; r++) {
            csv.append("wide").append(r).append("@example.com");
            for (int c = 1; c <= width; c++) {
                csv.append(',').append(c % 3 == 0 ? Integer.toString(r * c) : "v" + r + "-" + c);
            }
            csv.append('\n');
        }
        Path file = files.resolve("wide.csv");
        Files.writeString(file, csv);
        String columnMap = "{\"email\":\"Email\",\"properties\":{" + properties + "}}";
        assertThat(columnMap.length()).isGreaterThan(15_000);

        String key = system.newTeamKey();
        String id = given().header("Authorization", "Bearer " + key).multiPart("file", file.toFile(), "text/csv")
                .multiPart("column_map", columnMap).when().post(api + "/contacts/imports")
                .then().statusCode(201).extract().path("id");
        assertThat(awaitFinished(key, id).getMap("counts")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "total", 400, "created", 400, "updated", 0, "skipped", 0, "failed", 0));
        JsonPath contact = given().header("Authorization", "Bearer " + key)
                .when().get(api + "/contacts/wide7@example.com").then().statusCode(200).extract().jsonPath();
        assertThat(contact.getMap("properties")).hasSize(width);
        assertThat(contact.getString("properties.custom_field_299.value")).isEqualTo("v7-299");
        assertThat(contact.getInt("properties.custom_field_300.value")).isEqualTo(2100);
    }

    @Test
    void rejectsBadRequestsInTheApiErrorFormat() throws IOException {
        Path file = files.resolve("no-email.csv");
        Files.writeString(file, "name,phone\nAda,123\n");
        given().header("Authorization", "Bearer " + API_KEY).multiPart("file", file.toFile(), "text/csv")
                .when().post(api + "/contacts/imports")
                .then().statusCode(422).body("name", equalTo("validation_error"))
                .body("message", matchesPattern("No email column.*"));
        given().when().get(api + "/contacts/imports")
                .then().statusCode(401).body("name", equalTo("missing_api_key"));
        given().header("Authorization", "Bearer re_unknown").when().get(api + "/contacts/imports")
                .then().statusCode(403).body("name", equalTo("invalid_api_key"));
        given().header("Authorization", "Bearer " + API_KEY)
                .when().get(api + "/contacts/imports/" + UUID.randomUUID())
                .then().statusCode(404).body("message", equalTo("Contact import not found"));
    }

    @Test
    void aCrashedRowProcessorAndThreeRowProcessorsGiveExactlyTheSameContacts() throws Exception {
        // 200,000 rows: 160,000 emails, the last 40,000 rows repeat the first 40,000 emails with new names.
        StringBuilder csv = new StringBuilder("email,first_name,last_name\n");
        for (int i = 0; i < 200_000; i++) {
            csv.append("crash").append(i % 160_000).append("@example.com,F").append(i).append(",L").append(i)
                    .append('\n');
        }
        Path file = files.resolve("crash.csv");
        Files.writeString(file, csv);
        Map<String, Object> expected = Map.of("total", 200_000, "created", 160_000, "updated", 40_000,
                "skipped", 0, "failed", 0);

        // Team A: three row-processors share the partitions.
        String teamA = system.newTeamKey();
        List<ServiceFleet.Instance> extra = List.of(system.fleet().start(Service.ROW_PROCESSOR, LocalStack.freePort()),
                system.fleet().start(Service.ROW_PROCESSOR, LocalStack.freePort()));
        String scaled = createImport(teamA, file, null);
        assertThat(awaitFinished(teamA, scaled).getMap("counts")).containsExactlyInAnyOrderEntriesOf(expected);
        extra.forEach(system.fleet()::kill);

        // Team B: the only row-processor is killed (SIGKILL) in the middle, and a new one takes over.
        String teamB = system.newTeamKey();
        String crashed = createImport(teamB, file, null);
        awaitApplied(teamB, crashed, 30_000);
        system.fleet().instances().stream().filter(i -> i.service() == Service.ROW_PROCESSOR).toList().forEach(system.fleet()::kill);
        // On the port the others know it by, as a Kubernetes Service would keep its address.
        system.fleet().start(Service.ROW_PROCESSOR, system.fleet().port(Service.ROW_PROCESSOR));
        JsonPath done = awaitFinished(teamB, crashed);
        assertThat(done.getString("status")).isEqualTo("completed");
        assertThat(done.getMap("counts")).containsExactlyInAnyOrderEntriesOf(expected);

        // Same contacts, field by field: the last row of each email won, nothing was applied twice or lost.
        String contactsA = contactsDigest(teamA);
        assertThat(contactsA).isEqualTo(contactsDigest(teamB));
        assertThat(contactsA).startsWith("160000 ");
    }

    @Test
    void aCanceledImportStopsAndKeepsWhatWasApplied() throws Exception {
        StringBuilder csv = new StringBuilder("email,first_name\n");
        for (int i = 0; i < 300_000; i++) {
            csv.append("cancel").append(i).append("@example.com,C").append(i).append('\n');
        }
        Path file = files.resolve("cancel.csv");
        Files.writeString(file, csv);
        String key = system.newTeamKey();
        String id = createImport(key, file, null);
        awaitApplied(key, id, 5_000);

        JsonPath canceled = given().header("Authorization", "Bearer " + key).contentType("application/json")
                .when().post(api + "/contacts/imports/" + id + "/cancel")
                .then().statusCode(200).extract().jsonPath();
        assertThat(canceled.getString("status")).isEqualTo("failed");
        assertThat(canceled.getString("error.name")).isEqualTo("canceled");

        // Batches in flight when the cancellation was made may still land; after that nothing changes.
        RunningSystem.sleep(3_000);
        JsonPath settled = awaitFinished(key, id);
        RunningSystem.sleep(3_000);
        JsonPath later = awaitFinished(key, id);
        assertThat(later.getMap("counts")).isEqualTo(settled.getMap("counts"));
        int applied = later.getInt("counts.created");
        assertThat(applied).isBetween(5_000, 299_999);
        assertThat(contactsDigest(key)).startsWith(applied + " ");

        // Canceling again changes nothing; an import that completed cannot be canceled.
        given().header("Authorization", "Bearer " + key).when().post(api + "/contacts/imports/" + id + "/cancel")
                .then().statusCode(200).body("error.name", equalTo("canceled"));
        Path small = files.resolve("small.csv");
        Files.writeString(small, "email\nsmall@example.com\n");
        String completed = createImport(key, small, null);
        assertThat(awaitFinished(key, completed).getString("status")).isEqualTo("completed");
        given().header("Authorization", "Bearer " + key)
                .when().post(api + "/contacts/imports/" + completed + "/cancel")
                .then().statusCode(422).body("name", equalTo("validation_error"))
                .body("message", equalTo("The import has already completed; only a queued or in-progress import "
                        + "can be canceled."));
        given().header("Authorization", "Bearer " + API_KEY).when().post(api + "/contacts/imports/" + id + "/cancel")
                .then().statusCode(404).body("name", equalTo("not_found"));
    }

    private static String contactsDigest(String key) throws Exception {
        return system.contactsDigest(key);
    }

    private static void awaitApplied(String key, String id, int rows) {
        system.awaitApplied(key, id, rows);
    }

    private static String createImport(Path file, String onConflict) {
        return system.createImport(API_KEY, file, onConflict);
    }

    private static String createImport(String key, Path file, String onConflict) {
        return system.createImport(key, file, onConflict);
    }

    private static JsonPath awaitFinished(String id) {
        return system.awaitFinished(API_KEY, id);
    }

    private static JsonPath awaitFinished(String key, String id) {
        return system.awaitFinished(key, id);
    }
}

package io.contactimport.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.contactimport.stack.LocalStack;
import io.contactimport.stack.Service;
import io.contactimport.stack.ServiceFleet;
import io.contactimport.stack.StackLayout;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The five services as real processes on the real stack, driven over HTTP as a user would. */
class ImportEndToEndIT {

    private static final String API_KEY = "re_e2e_" + UUID.randomUUID().toString().replace("-", "");

    private static LocalStack stack;
    private static ServiceFleet fleet;
    private static String api;

    @TempDir
    static Path files;

    @BeforeAll
    static void startSystem() throws IOException {
        StackLayout layout = StackLayout.locate();
        Path dataDir = Path.of("target/e2e-stack").toAbsolutePath();
        stack = LocalStack.startFresh(dataDir);
        fleet = new ServiceFleet(layout, stack, ServiceFleet.freePorts(),
                Map.of("BOOTSTRAP_API_KEY", API_KEY, "BOOTSTRAP_TEAM_NAME", "e2e"), dataDir.resolve("logs"));
        fleet.startAll();
        api = fleet.url(Service.API_GATEWAY);
    }

    @AfterAll
    static void stopSystem() {
        if (fleet != null) {
            fleet.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void importsAFewThousandRowsToCompletedWithExactCounts() throws IOException {
        // 3,000 distinct contacts, 200 repeated emails (later rows update), 50 invalid emails, 10 malformed rows.
        StringBuilder csv = new StringBuilder("Email Address,First Name,Last Name,Unsubscribed\r\n");
        for (int i = 0; i < 3000; i++) {
            csv.append("person").append(i).append("@example.com,First").append(i).append(",Last").append(i)
                    .append(i % 10 == 0 ? ",yes" : ",").append("\r\n");
        }
        for (int i = 0; i < 200; i++) {
            csv.append("PERSON").append(i).append("@Example.com,Again").append(i).append(",,\r\n");
        }
        for (int i = 0; i < 50; i++) {
            csv.append("not-an-email-").append(i).append(",X,Y,\r\n");
        }
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
                "total", 3260, "created", 3000, "updated", 200, "skipped", 0, "failed", 60));

        // The same file again with skip: every valid row meets an existing contact.
        String again = createImport(file, "skip");
        assertThat(awaitFinished(again).getMap("counts")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "total", 3260, "created", 0, "updated", 0, "skipped", 3200, "failed", 60));

        given().header("Authorization", "Bearer " + API_KEY).queryParam("status", "completed")
                .when().get(api + "/contacts/imports")
                .then().statusCode(200).body("object", equalTo("list"))
                .body("data[0].id", equalTo(again)).body("data[1].id", equalTo(id));
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

    private static String createImport(Path file, String onConflict) {
        var request = given().header("Authorization", "Bearer " + API_KEY).multiPart("file", file.toFile(), "text/csv");
        if (onConflict != null) {
            request.multiPart("on_conflict", onConflict);
        }
        return request.when().post(api + "/contacts/imports")
                .then().statusCode(201).body("object", equalTo("contact_import"))
                .extract().path("id");
    }

    private static JsonPath awaitFinished(String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        JsonPath body;
        do {
            body = given().header("Authorization", "Bearer " + API_KEY).when().get(api + "/contacts/imports/" + id)
                    .then().statusCode(200).extract().jsonPath();
            String status = body.getString("status");
            if (status.equals("completed") || status.equals("failed")) {
                return body;
            }
            sleep();
        } while (System.nanoTime() < deadline);
        throw new AssertionError("import " + id + " did not finish: " + body.prettify());
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

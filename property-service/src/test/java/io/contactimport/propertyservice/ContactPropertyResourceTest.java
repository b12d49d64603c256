package io.contactimport.propertyservice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.contactimport.testing.InternalApi;
import io.contactimport.testing.LocalStackResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
class ContactPropertyResourceTest {

    private final String team = UUID.randomUUID().toString();

    @BeforeEach
    void callAsAService() {
        InternalApi.callAsAService();
    }

    private io.restassured.response.ValidatableResponse ensure(String body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().put("/internal/teams/{team}/property-definitions", team).then();
    }

    @Test
    void createsMissingPropertiesAndIsIdempotent() {
        ensure("[{\"key\":\"plan\",\"type\":\"string\"},{\"key\":\"score\",\"type\":\"number\"}]")
                .statusCode(200).body("key", containsInAnyOrder("plan", "score"));
        ensure("[{\"key\":\"plan\",\"type\":\"string\"},{\"key\":\"vip\",\"type\":\"boolean\"}]")
                .statusCode(200).body("key", containsInAnyOrder("plan", "vip"));
        // Every property exists already: what a re-import of the same file asks.
        ensure("[{\"key\":\"plan\",\"type\":\"string\"},{\"key\":\"score\",\"type\":\"number\"}]")
                .statusCode(200).body("key", containsInAnyOrder("plan", "score"));

        given().when().get("/internal/teams/{team}/property-definitions", team)
                .then().statusCode(200).body("$", hasSize(3))
                .body("find { it.key == 'score' }.type", equalTo("number"))
                .body("find { it.key == 'score' }.object", equalTo("contact_property"));
    }

    @Test
    void rejectsATypeConflictAndCreatesNothing() {
        ensure("[{\"key\":\"score\",\"type\":\"number\"}]").statusCode(200);

        ensure("[{\"key\":\"other\",\"type\":\"date\"},{\"key\":\"score\",\"type\":\"string\"}]")
                .statusCode(422)
                .body("statusCode", equalTo(422))
                .body("name", equalTo("validation_error"))
                .body("message", equalTo("Property 'score' already exists with type number, not string."));

        given().when().get("/internal/teams/{team}/property-definitions", team)
                .then().statusCode(200).body("key", containsInAnyOrder("score"));
    }

    @Test
    void rejectsAnInvalidKeyOrType() {
        ensure("[{\"key\":\"has space\",\"type\":\"string\"}]").statusCode(422)
                .body("message", equalTo("Property key 'has space' is invalid: use 1 to 50 letters, digits or underscores."));
        ensure("[{\"key\":\"when\",\"type\":\"datetime\"}]").statusCode(422)
                .body("message", equalTo("Property 'when' has unknown type 'datetime': use string, number, boolean or date."));
    }

    @Test
    void thePublicApiCreatesPagesUpdatesAndDeletes() {
        String base = "/internal/teams/" + team + "/contact-properties";
        String first = given().contentType(ContentType.JSON).body("{\"key\":\"plan\",\"type\":\"string\",\"fallback_value\":\"free\"}")
                .post(base).then().statusCode(201).body("object", equalTo("contact_property")).extract().path("id");
        String second = given().contentType(ContentType.JSON).body("{\"key\":\"score\",\"type\":\"number\",\"fallback_value\":0}")
                .post(base).then().statusCode(201).extract().path("id");
        String third = given().contentType(ContentType.JSON).body("{\"key\":\"vip\",\"type\":\"boolean\"}")
                .post(base).then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body("{\"key\":\"plan\",\"type\":\"string\"}").post(base)
                .then().statusCode(422).body("message", equalTo("A contact property with key `plan` already exists."));
        given().contentType(ContentType.JSON).body("{\"key\":\"n\",\"type\":\"number\",\"fallback_value\":\"x\"}").post(base)
                .then().statusCode(422).body("message", equalTo("The fallback value of `n` must be a number."));

        given().get(base + "?limit=2").then().statusCode(200).body("object", equalTo("list"))
                .body("has_more", equalTo(true)).body("data.id", contains(third, second));
        given().get(base + "?limit=2&after=" + second).then().statusCode(200)
                .body("has_more", equalTo(false)).body("data.id", contains(first));
        given().get(base + "?limit=1&before=" + first).then().statusCode(200)
                .body("has_more", equalTo(true)).body("data.id", contains(second));

        given().get(base + "/" + second).then().statusCode(200).body("key", equalTo("score"))
                .body("fallback_value", equalTo(0)).body("created_at", matchesPattern("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d.*\\+00"));
        given().contentType(ContentType.JSON).body("{\"fallback_value\":\"pro\"}").patch(base + "/" + first)
                .then().statusCode(200).body("id", equalTo(first));
        given().get(base + "/" + first).then().body("fallback_value", equalTo("pro"));
        given().contentType(ContentType.JSON).body("{\"type\":\"number\"}").patch(base + "/" + first)
                .then().statusCode(422);
        given().delete(base + "/" + first).then().statusCode(200).body("deleted", equalTo(true));
        given().get(base + "/" + first).then().statusCode(404).body("message", equalTo("Contact property not found"));
        given().get("/internal/teams/" + UUID.randomUUID() + "/contact-properties/" + second).then().statusCode(404);
        given().get(base + "/not-a-uuid").then().statusCode(404).body("name", equalTo("not_found"));
    }
}

package io.contactimport.propertyservice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.contactimport.testing.LocalStackResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
class ContactPropertyResourceTest {

    private final String team = UUID.randomUUID().toString();

    private io.restassured.response.ValidatableResponse ensure(String body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().put("/internal/teams/{team}/contact-properties", team).then();
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

        given().when().get("/internal/teams/{team}/contact-properties", team)
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

        given().when().get("/internal/teams/{team}/contact-properties", team)
                .then().statusCode(200).body("key", containsInAnyOrder("score"));
    }

    @Test
    void rejectsAnInvalidKeyOrType() {
        ensure("[{\"key\":\"has space\",\"type\":\"string\"}]").statusCode(422)
                .body("message", equalTo("Property key 'has space' is invalid: use 1 to 50 letters, digits or underscores."));
        ensure("[{\"key\":\"when\",\"type\":\"datetime\"}]").statusCode(422)
                .body("message", equalTo("Property 'when' has unknown type 'datetime': use string, number, boolean or date."));
    }
}

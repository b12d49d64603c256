package io.contactimport.propertyservice.suggestions;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.contactimport.testing.InternalApi;
import io.contactimport.testing.LocalStackResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
class SuggestionResourceTest {

    private final String team = UUID.randomUUID().toString();

    @BeforeEach
    void callAsAService() {
        InternalApi.callAsAService();
    }

    private static final String CSV = "E-Mail;Vorname;Nachname;Kundennummer;Newsletter;Punkte\n"
            + "anna@example.de;Anna;Schmidt;K-1001;ja;12\n"
            + "ben@example.de;Ben;Meier;K-1002;nein;7\n";

    @Test
    void suggestsFromHeadersAndValuesAndUsesTheTeamsProperties() {
        given().contentType(ContentType.JSON).body("[{\"key\":\"lead_score\",\"type\":\"number\"}]")
                .put("/internal/teams/{team}/property-definitions", team).then().statusCode(200);

        given().contentType("application/octet-stream").body(CSV.getBytes(StandardCharsets.UTF_8))
                .post("/internal/teams/{team}/column-suggestions", team).then().statusCode(200)
                .body("object", equalTo("column_suggestions")).body("delimiter", equalTo(";"))
                .body("encoding", equalTo("utf-8"))
                .body("sample_rows[1][0]", equalTo("ben@example.de"))
                .body("columns.target", contains("email", "first_name", "last_name", "new_property", "new_property",
                        "existing_property"))
                .body("columns[4].type", equalTo("boolean"))
                .body("column_map.email", equalTo("E-Mail"))
                .body("column_map.properties.lead_score.column", equalTo("Punkte"));
    }

    @Test
    void whatAPersonDecidedBeforeWinsForTheSameHeaderAndWhatAMapLeftOutSaysNothing() {
        // A map of two columns, one column explicitly not imported (as the dashboard's review sends it), and
        // "Vorname" simply left out of the map, as an API call with a small map does.
        given().contentType(ContentType.JSON).body("{\"header\":[\"E-Mail\",\"Vorname\",\"Kundennummer\","
                        + "\"Punkte\"],\"column_map\":{\"email\":\"E-Mail\",\"properties\":{\"customer_number\":"
                        + "{\"column\":\"Kundennummer\",\"type\":\"string\"}}},\"not_imported\":[\"Punkte\"]}")
                .put("/internal/teams/{team}/mapping-history", team).then().statusCode(204);

        given().contentType("application/octet-stream").body(CSV.getBytes(StandardCharsets.UTF_8))
                .post("/internal/teams/{team}/column-suggestions", team).then().statusCode(200)
                .body("columns[1].target", equalTo("first_name"))
                .body("columns[3].key", equalTo("customer_number"))
                .body("columns[3].reason", equalTo("your team chose this for the same header before"))
                .body("columns[5].target", equalTo("ignore"))
                .body("columns[5].reason", equalTo("your team chose this for the same header before"));
    }

    @Test
    void anEmptyFileIsAValidationError() {
        given().contentType("application/octet-stream").body(new byte[0])
                .post("/internal/teams/{team}/column-suggestions", team).then().statusCode(422)
                .body("name", equalTo("validation_error"));
    }
}

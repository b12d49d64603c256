package io.contactimport.gateway.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.contactimport.testing.LocalStackResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The served OpenAPI document covers the whole public API: the gateway's own paths and the routed ones. */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class OpenApiTest {

    @Test
    void documentsImportsAndTheRoutedPathsButNotTheRouteItself() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/contacts/imports"))
                .body("paths", hasKey("/contacts/imports/{id}/errors"))
                .body("paths", hasKey("/contacts/{contact}"))
                .body("paths", hasKey("/segments/{id}/contacts"))
                .body("paths", hasKey("/topics"))
                .body("paths", hasKey("/contact-properties/{id}"))
                .body("paths", not(hasKey("/{resource}{rest}")))
                .body("components.securitySchemes", hasKey("apiKey"));
    }
}

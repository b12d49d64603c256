package io.contactimport.e2e.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.contactimport.e2e.support.Commands;
import io.contactimport.e2e.support.RunningSystem;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The AsyncAPI document of the public topics, as the gateway serves it, is valid to the AsyncAPI parser (the one
 * behind {@code asyncapi validate}), its schemas resolved over HTTP from beside it.
 */
class AsyncApiDocumentIT {

    @Test
    void theServedDocumentIsAValidAsyncApi3DocumentAndItsSchemasResolve() throws Exception {
        RunningSystem system = RunningSystem.shared();
        Commands.installNodeTools();
        given().get(system.api() + "/events/asyncapi.yaml").then().statusCode(200);
        given().get(system.api() + "/events/schemas/contact-changed.json").then().statusCode(200);

        String output = Commands.run(List.of("node", "validate-asyncapi.mjs", system.api() + "/events/asyncapi.yaml"),
                Commands.NODE_TOOLS, Map.of(), 120);
        JsonPath result = JsonPath.from(output.lines().reduce((first, last) -> last).orElseThrow());
        assertThat(result.getBoolean("ok")).as(output).isTrue();
        assertThat(result.getInt("channels")).isEqualTo(2);
        assertThat(result.getInt("messages")).isEqualTo(8);
    }
}

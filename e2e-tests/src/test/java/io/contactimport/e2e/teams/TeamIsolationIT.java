package io.contactimport.e2e.teams;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.contactimport.e2e.support.RunningSystem;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every public endpoint, called by another team with the ids of a team's objects, answers 404 in the API's error
 * format and changes nothing: the sweep is a table of calls, and the owner's view of its data is compared before and
 * after.
 */
class TeamIsolationIT {

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

    /** One call of the sweep: method, path, and body. */
    private record Call(String method, String path, String body) {
        Response sendAs(String key) {
            RequestSpecification request = as(key).body(body == null ? "" : body);
            return switch (method) {
                case "GET" -> request.get(path);
                case "POST" -> request.post(path);
                case "PATCH" -> request.patch(path);
                case "DELETE" -> request.delete(path);
                default -> throw new IllegalArgumentException(method);
            };
        }
    }

    @Test
    void anotherTeamsIdsAnswer404EverywhereAndChangeNothing() throws Exception {
        String owner = system.newTeamKey();
        String stranger = system.newTeamKey();
        String property = as(owner).body("{\"key\":\"tier\",\"type\":\"string\"}").post("/contact-properties")
                .then().statusCode(201).extract().path("id");
        String segment = as(owner).body("{\"name\":\"Owners' VIP\"}").post("/segments").then().statusCode(201)
                .extract().path("id");
        String topic = as(owner).body("{\"name\":\"Owners' news\",\"default_subscription\":\"opt_in\"}")
                .post("/topics").then().statusCode(201).extract().path("id");
        String contact = as(owner).body("{\"email\":\"owner@example.com\",\"first_name\":\"Olga\","
                        + "\"properties\":{\"tier\":\"gold\"},\"segments\":[{\"id\":\"" + segment + "\"}]}")
                .post("/contacts").then().statusCode(201).extract().path("id");
        Path csv = files.resolve("owners.csv");
        Files.writeString(csv, "email,first_name\nowner@example.com,Olga\nnot-an-email,Bad\n");
        String imported = system.createImport(owner, csv, "upsert");
        system.awaitFinished(owner, imported);
        String strangersContact = as(stranger).body("{\"email\":\"stranger@example.com\"}").post("/contacts")
                .then().statusCode(201).extract().path("id");
        Map<String, String> before = ownersView(owner, contact, segment, topic, property, imported);

        String topicsBody = "[{\"id\":\"" + topic + "\",\"subscription\":\"opt_out\"}]";
        List<Call> sweep = new ArrayList<>();
        for (String path : List.of("/contacts/imports/" + imported, "/contacts/imports/" + imported + "/errors",
                "/contacts/imports/" + imported + "/errors?format=csv", "/contacts/" + contact,
                "/contacts/owner@example.com", "/contacts/" + contact + "/segments",
                "/contacts/owner@example.com/segments", "/contacts/" + contact + "/topics", "/segments/" + segment,
                "/segments/" + segment + "/contacts", "/audiences/" + segment, "/topics/" + topic,
                "/contact-properties/" + property)) {
            sweep.add(new Call("GET", path, null));
        }
        sweep.add(new Call("POST", "/contacts/imports/" + imported + "/cancel", null));
        sweep.add(new Call("PATCH", "/contacts/" + contact, "{\"first_name\":\"Mallory\"}"));
        sweep.add(new Call("PATCH", "/contacts/owner@example.com", "{\"unsubscribed\":true}"));
        sweep.add(new Call("PATCH", "/contacts/" + contact + "/topics", topicsBody));
        sweep.add(new Call("POST", "/contacts/" + contact + "/segments/" + segment, null));
        sweep.add(new Call("DELETE", "/contacts/" + contact + "/segments/" + segment, null));
        // The stranger's own contact, with the owner's segment or topic: still not theirs to use.
        sweep.add(new Call("POST", "/contacts/" + strangersContact + "/segments/" + segment, null));
        sweep.add(new Call("PATCH", "/contacts/" + strangersContact + "/topics", topicsBody));
        sweep.add(new Call("POST", "/contacts", "{\"email\":\"new@example.com\",\"segments\":[{\"id\":\""
                + segment + "\"}]}"));
        sweep.add(new Call("PATCH", "/segments/" + segment, "{\"name\":\"taken\"}"));
        sweep.add(new Call("PATCH", "/topics/" + topic, "{\"name\":\"taken\"}"));
        sweep.add(new Call("PATCH", "/contact-properties/" + property, "{\"fallback_value\":\"x\"}"));
        sweep.add(new Call("DELETE", "/contact-properties/" + property, null));
        sweep.add(new Call("DELETE", "/topics/" + topic, null));
        sweep.add(new Call("DELETE", "/audiences/" + segment, null));
        sweep.add(new Call("DELETE", "/segments/" + segment, null));
        sweep.add(new Call("DELETE", "/contacts/owner@example.com", null));
        sweep.add(new Call("DELETE", "/contacts/" + contact, null));

        for (Call call : sweep) {
            Response answer = call.sendAs(stranger);
            assertThat(answer.statusCode()).as(call + ": " + answer.asString()).isEqualTo(404);
            assertThat(answer.contentType()).as(call.toString()).startsWith("application/json");
            assertThat(answer.jsonPath().getString("name")).as(call.toString()).isEqualTo("not_found");
        }
        // An import naming the owner's segment is refused before anything is stored.
        given().baseUri(system.api()).header("Authorization", "Bearer " + stranger)
                .multiPart("file", csv.toFile(), "text/csv").multiPart("segments", "[\"" + segment + "\"]")
                .post("/contacts/imports").then().statusCode(404);

        assertThat(ownersView(owner, contact, segment, topic, property, imported)).isEqualTo(before);
        assertThat(as(stranger).get("/contacts").then().statusCode(200).extract().jsonPath()
                .getList("data.email")).containsExactly("stranger@example.com");
        assertThat(as(stranger).get("/contacts/imports").then().statusCode(200).extract().jsonPath()
                .getList("data")).isEmpty();
    }

    /** What the owner sees of its objects, as the API answers (timestamps and all). */
    private static Map<String, String> ownersView(String owner, String contact, String segment, String topic,
                                                  String property, String imported) throws Exception {
        Map<String, String> view = new TreeMap<>();
        for (String path : List.of("/contacts/" + contact, "/contacts/" + contact + "/segments",
                "/contacts/" + contact + "/topics", "/segments/" + segment, "/segments/" + segment + "/contacts",
                "/topics/" + topic, "/contact-properties/" + property, "/contacts/imports/" + imported,
                "/contacts/imports/" + imported + "/errors", "/contacts", "/segments", "/topics",
                "/contact-properties")) {
            view.put(path, as(owner).get(path).then().statusCode(200).extract().asString());
        }
        view.put("contacts digest", system.contactsDigest(owner));
        return view;
    }
}

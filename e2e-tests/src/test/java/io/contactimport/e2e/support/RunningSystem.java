package io.contactimport.e2e.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.contactimport.contracts.api.ApiKeyHash;
import io.contactimport.stack.DatabaseUrl;
import io.contactimport.stack.LocalStack;
import io.contactimport.stack.Service;
import io.contactimport.stack.ServiceFleet;
import io.contactimport.stack.StackLayout;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * The whole system as real processes (the local stack and the five services), started once per test JVM and shared
 * by the end-to-end classes; each test works in a team of its own.
 */
public final class RunningSystem {

    /** High enough for polling tests, low enough that a burst of requests meets it. */
    public static final int RATE_LIMIT_PER_SECOND = 50;

    private static RunningSystem shared;

    private final LocalStack stack;
    private final ServiceFleet fleet;

    private RunningSystem(LocalStack stack, ServiceFleet fleet) {
        this.stack = stack;
        this.fleet = fleet;
    }

    public static synchronized RunningSystem shared() {
        if (shared == null) {
            StackLayout layout = StackLayout.locate();
            Path dataDir = Path.of("target/e2e-stack").toAbsolutePath();
            LocalStack stack = LocalStack.startFresh(dataDir);
            ServiceFleet fleet = new ServiceFleet(layout, stack, ServiceFleet.freePorts(),
                    Map.of("RATE_LIMIT_PER_SECOND", Integer.toString(RATE_LIMIT_PER_SECOND)),
                    dataDir.resolve("logs"));
            fleet.startAll();
            shared = new RunningSystem(stack, fleet);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                fleet.close();
                stack.close();
            }));
        }
        return shared;
    }

    public String api() {
        return fleet.url(Service.API_GATEWAY);
    }

    public ServiceFleet fleet() {
        return fleet;
    }

    public String kafkaBootstrapServers() {
        return stack.kafkaBootstrapServers();
    }

    public DatabaseUrl database() {
        return stack.database();
    }

    public Connection connect() throws Exception {
        var db = stack.database();
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    }

    /** A new team with its own key, written as an operator would (the key stored as its SHA-256 hash). */
    public String newTeamKey() throws Exception {
        String key = "re_e2e_" + UUID.randomUUID().toString().replace("-", "");
        UUID team = UUID.randomUUID();
        String hash = ApiKeyHash.of(key);
        try (Connection db = connect();
             PreparedStatement teams = db.prepareStatement("INSERT INTO gateway.teams (id, name) VALUES (?, 'e2e')");
             PreparedStatement keys = db.prepareStatement(
                     "INSERT INTO gateway.api_keys (id, team_id, name, key_hash) VALUES (?, ?, 'e2e', ?)")) {
            teams.setObject(1, team);
            teams.executeUpdate();
            keys.setObject(1, UUID.randomUUID());
            keys.setObject(2, team);
            keys.setString(3, hash);
            keys.executeUpdate();
        }
        return key;
    }

    public String createImport(String key, Path file, String onConflict) {
        var request = given().header("Authorization", "Bearer " + key).multiPart("file", file.toFile(), "text/csv");
        if (onConflict != null) {
            request.multiPart("on_conflict", onConflict);
        }
        return request.when().post(api() + "/contacts/imports")
                .then().statusCode(201).body("object", equalTo("contact_import"))
                .extract().path("id");
    }

    public JsonPath awaitFinished(String key, String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        JsonPath body;
        do {
            body = given().header("Authorization", "Bearer " + key).when().get(api() + "/contacts/imports/" + id)
                    .then().statusCode(200).extract().jsonPath();
            String status = body.getString("status");
            if (status.equals("completed") || status.equals("failed")) {
                return body;
            }
            sleep(250);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("import " + id + " did not finish: " + body.prettify());
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

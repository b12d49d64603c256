package io.contactimport.e2e.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.contactimport.gateway.admin.GatewayDatabase;
import io.contactimport.stack.DatabaseUrl;
import io.contactimport.stack.LocalStack;
import io.contactimport.stack.Service;
import io.contactimport.stack.ServiceFleet;
import io.contactimport.stack.StackLayout;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * The whole system as real processes (the local stack and the five services), started once per test JVM and shared
 * by the end-to-end classes; each test works in a team of its own.
 */
public final class RunningSystem implements AutoCloseable {

    /** High enough for polling tests, low enough that a burst of requests meets it. */
    public static final int RATE_LIMIT_PER_SECOND = 50;

    private static RunningSystem shared;
    /** Every system of the test JVM sends its traces here: tracing is on in every end-to-end test. */
    private static TraceCollector traces;

    private final LocalStack stack;
    private final ServiceFleet fleet;

    private RunningSystem(LocalStack stack, ServiceFleet fleet) {
        this.stack = stack;
        this.fleet = fleet;
    }

    public static synchronized RunningSystem shared() {
        if (shared == null) {
            shared = start(Path.of("target/e2e-stack").toAbsolutePath());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /** A system of its own, for tests that crash its parts; {@link #close()} it when done. */
    public static RunningSystem start(Path dataDir) {
        StackLayout layout = StackLayout.locate();
        LocalStack stack = LocalStack.startFresh(dataDir);
        ServiceFleet fleet = new ServiceFleet(layout, stack, ServiceFleet.freePorts(), Map.of(
                "RATE_LIMIT_PER_SECOND", Integer.toString(RATE_LIMIT_PER_SECOND),
                "OTEL_EXPORTER_OTLP_ENDPOINT", traces().endpoint(),
                "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms"), dataDir.resolve("logs"));
        try {
            fleet.startAll();
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return new RunningSystem(stack, fleet);
    }

    /** The spans every service of every system in this JVM exported. */
    public static synchronized TraceCollector traces() {
        if (traces == null) {
            traces = new TraceCollector();
        }
        return traces;
    }

    @Override
    public void close() {
        fleet.close();
        stack.close();
    }

    public LocalStack stack() {
        return stack;
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

    /** The database as the gateway's admin commands take it. */
    public GatewayDatabase gatewayDatabase() {
        var db = stack.database();
        return new GatewayDatabase(db.jdbcUrl(), db.user(), db.password());
    }

    public Connection connect() throws Exception {
        var db = stack.database();
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    }

    /** A new team with its own key, written as an operator would (the key stored as its SHA-256 hash). */
    public String newTeamKey() throws Exception {
        String key = "re_e2e_" + UUID.randomUUID().toString().replace("-", "");
        UUID team = UUID.randomUUID();
        try (Connection db = connect();
             PreparedStatement teams = db.prepareStatement("INSERT INTO gateway.teams (id, name) VALUES (?, 'e2e')");
             PreparedStatement keys = db.prepareStatement(
                     "INSERT INTO gateway.api_keys (id, team_id, name, key_hash)"
                             + " VALUES (?, ?, 'e2e', encode(sha256(convert_to(?, 'UTF8')), 'hex'))")) {
            teams.setObject(1, team);
            teams.executeUpdate();
            keys.setObject(1, UUID.randomUUID());
            keys.setObject(2, team);
            keys.setString(3, key);
            keys.executeUpdate();
        }
        return key;
    }

    /** A request as the team of {@code key} makes it to the gateway, with a JSON body. */
    public RequestSpecification as(String key) {
        return given().baseUri(api()).header("Authorization", "Bearer " + key).contentType("application/json");
    }

    /** The import as {@code GET /contacts/imports/{id}} answers it (200 expected). */
    public JsonPath importStatus(String key, String id) {
        return given().header("Authorization", "Bearer " + key).when().get(api() + "/contacts/imports/" + id)
                .then().statusCode(200).extract().jsonPath();
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
            body = importStatus(key, id);
            String status = body.getString("status");
            if (status.equals("completed") || status.equals("failed")) {
                return body;
            }
            sleep(250);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("import " + id + " did not finish: " + body.prettify());
    }

    /** How many contacts a team has, and a digest of every field of all of them. */
    public String contactsDigest(String key) throws Exception {
        try (Connection db = connect(); PreparedStatement query = db.prepareStatement("""
                SELECT count(*) || ' ' || coalesce(md5(string_agg(format('%s|%s|%s|%s|%s', c.email, c.first_name,
                       c.last_name, c.unsubscribed, c.properties), ',' ORDER BY c.email)), '-')
                FROM contacts.contacts c JOIN gateway.api_keys k ON k.team_id = c.team_id
                WHERE k.key_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')""")) {
            query.setString(1, key);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getString(1);
            }
        }
    }

    /** Waits until at least {@code rows} rows of an import were created or updated, while it is in progress. */
    public void awaitApplied(String key, String id, int rows) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            JsonPath body = given().header("Authorization", "Bearer " + key).when()
                    .get(api() + "/contacts/imports/" + id).then().extract().jsonPath();
            if (body.getInt("counts.created") + body.getInt("counts.updated") >= rows) {
                if (!body.getString("status").equals("in_progress")) {
                    throw new AssertionError("import " + id + " is no longer in progress: " + body.prettify());
                }
                return;
            }
            sleep(100);
        }
        throw new AssertionError("import " + id + " never reached " + rows + " applied rows");
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

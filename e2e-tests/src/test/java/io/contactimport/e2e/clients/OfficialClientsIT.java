package io.contactimport.e2e.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactimport.e2e.support.Commands;
import io.contactimport.e2e.support.RunningSystem;
import io.contactimport.stack.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The official Resend clients, unchanged and pinned (clients/package.json, the resend-java dependency), run the same
 * scenario against the system: create a segment; import a CSV with a column map (core fields and a typed property),
 * the segment and on_conflict; poll it to completed; list imports by status; read the contact by email with its
 * property and segment; and read a 422 and a 404 the way each client shows them. Each client works in its own team.
 */
class OfficialClientsIT {

    private static RunningSystem system;

    @TempDir
    static Path files;

    @BeforeAll
    static void installClients() throws Exception {
        system = RunningSystem.shared();
        Commands.installNodeTools();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sdk", "cli", "mcp"})
    void theNodeSdkTheCliAndTheMcpServer(String client) throws Exception {
        Path csv = csv(client);
        String output = Commands.run(List.of("node", "scenario.mjs", client, csv.toString()), Commands.NODE_TOOLS,
                Map.of("RESEND_API_KEY", system.newTeamKey(), "RESEND_BASE_URL", system.api()), 180);
        assertThat(output).contains("\"client\":\"" + client + "\"", "\"ok\":true");
    }

    @Test
    void theJavaSdkThroughItsOwnBaseUrl() throws Exception {
        Path csv = csv("java");
        Path hosts = files.resolve("hosts");
        Files.writeString(hosts, "127.0.0.1 api.resend.com\n");
        try (TlsFront front = TlsFront.start(Files.createTempDirectory(files, "tls"),
                system.fleet().port(Service.API_GATEWAY))) {
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djdk.net.hosts.file=" + hosts, "-Djavax.net.ssl.trustStore=" + front.trustStore(),
                    "-Djavax.net.ssl.trustStorePassword=" + TlsFront.PASSWORD, "-Djavax.net.ssl.trustStoreType=PKCS12",
                    "-cp", System.getProperty("java.class.path"), JavaSdkScenario.class.getName(),
                    system.newTeamKey(), csv.toString());
            String output = Commands.run(command, files, Map.of(), 180);
            assertThat(output).contains("\"client\":\"java\"", "\"ok\":true");
        }
    }

    /** Three rows, two contacts: the third row repeats the first email (upper case) and sets the score. */
    private static Path csv(String client) throws IOException {
        Path csv = files.resolve(client + ".csv");
        Files.writeString(csv, "Email,First Name,Score\n" + client + "-ada@example.com,Ada,1\n" + client
                + "-bob@example.com,Bob,2\n" + client.toUpperCase() + "-ADA@example.com,,42.5\n");
        return csv;
    }
}

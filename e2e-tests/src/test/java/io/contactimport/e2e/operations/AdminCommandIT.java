package io.contactimport.e2e.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactimport.e2e.support.RunningSystem;
import io.contactimport.stack.DatabaseUrl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The operator's commands as the api-gateway image runs them ({@code deploy/docker/admin}, on the gateway's packaged
 * classpath and database settings): a team and key, and the smoke test {@code helm test} runs.
 */
class AdminCommandIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theSmokeTestImportsATinyFile() throws Exception {
        RunningSystem system = RunningSystem.shared();
        Result smoke = admin(system, "smoke-test", system.api());
        assertThat(smoke.exitCode()).as(smoke.output()).isZero();
        assertThat(smoke.output()).containsPattern("import [0-9a-f-]{36} completed: \\{\"total\":2");
    }

    @Test
    void aTeamAndKeyMadeByTheCommandWork() throws Exception {
        RunningSystem system = RunningSystem.shared();
        Result created = admin(system, "key", "create", "Admin command team");
        assertThat(created.exitCode()).as(created.output()).isZero();
        String key = created.output().substring(created.output().indexOf("key  ") + 5).trim();
        system.as(key).get("/contacts/imports").then().statusCode(200);
        // How a revoked key stops working is ApiEndToEndIT's.
        assertThat(admin(system, "key", "revoke", key).output()).isEqualTo("revoked\n");
    }

    private record Result(int exitCode, String output) {
    }

    private static Result admin(RunningSystem system, String... args) throws IOException, InterruptedException {
        DatabaseUrl db = system.database();
        String[] command = new String[args.length + 1];
        command[0] = ROOT.resolve("deploy/docker/admin").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(Map.of("APP_HOME", ROOT.resolve("api-gateway/target/quarkus-app").toString(),
                "DB_HOST", db.host(), "DB_PORT", Integer.toString(db.port()), "DB_NAME", db.database(),
                "DB_USER", db.user(), "DB_PASSWORD", db.password()));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(4, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("admin " + String.join(" ", args) + " did not end: " + output);
        }
        return new Result(process.exitValue(), output);
    }
}

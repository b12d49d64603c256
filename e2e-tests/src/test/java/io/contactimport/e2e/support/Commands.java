package io.contactimport.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Programs the tests run as they are, outside this JVM: the Node.js tools in {@code clients/}, a JVM of a scenario. */
public final class Commands {

    /** The pinned Node.js packages (clients/package.json): the official Resend clients and the AsyncAPI parser. */
    public static final Path NODE_TOOLS = Path.of("clients").toAbsolutePath();

    private Commands() {
    }

    /** {@code npm ci} in {@link #NODE_TOOLS} unless it ran (CI runs it before the build). */
    public static synchronized void installNodeTools() throws Exception {
        if (!Files.isDirectory(NODE_TOOLS.resolve("node_modules/resend"))
                || !Files.isDirectory(NODE_TOOLS.resolve("node_modules/@asyncapi/parser"))) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund"), NODE_TOOLS, Map.of(), 300);
        }
    }

    /** Runs the command to its end and answers its output; fails the test when it fails or outlasts the timeout. */
    public static String run(List<String> command, Path dir, Map<String, String> env, int timeoutSeconds)
            throws Exception {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        boolean exited = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(exited && process.exitValue() == 0).as("%s failed:%n%s", command, text).isTrue();
        return text;
    }
}

package io.contactimport.e2e.bench;

import io.contactimport.stack.ServiceFleet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code --profile <module>}: a JDK Flight Recording (settings {@code profile}) of one service over each measured
 * import, started and stopped with {@code jcmd}, so the file holds that import and nothing before it. Open it with
 * {@code jfr print --events jdk.ExecutionSample} or JDK Mission Control.
 */
final class Profiler {

    private static final String RECORDING = "bench";

    private final Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    private final long pid;
    private final String module;
    private final Path folder;

    Profiler(ServiceFleet fleet, String module, Path folder) {
        this.pid = fleet.instances().stream().filter(instance -> instance.service().module().equals(module))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("--profile: no service " + module))
                .process().pid();
        this.module = module;
        this.folder = folder;
    }

    void start() throws IOException, InterruptedException {
        jcmd("JFR.start", "name=" + RECORDING, "settings=profile");
    }

    /** @return where the recording was written */
    Path stop(String phase) throws IOException, InterruptedException {
        Path file = folder.resolve(module + "-" + phase.replaceAll("[^A-Za-z0-9]+", "-") + ".jfr");
        jcmd("JFR.stop", "name=" + RECORDING, "filename=" + file);
        return file;
    }

    private void jcmd(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(jcmd.toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed for " + module);
        }
    }
}

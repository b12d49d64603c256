package io.contactimport.stack;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** A child JVM of the launcher: output to a log file, standard input a pipe that the parent-watch agent observes. */
public final class ChildProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path logFile;
    /** Held open for the child's lifetime; closing it (or our death) tells the child to exit. */
    private final OutputStream lifeline;

    private ChildProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.lifeline = process.getOutputStream();
    }

    /** Starts {@code java <jvmArgs> <mainArgs>} with the parent-watch agent and the given extra environment. */
    public static ChildProcess startJava(String name, StackLayout layout, List<String> jvmArgs, List<String> mainArgs,
                                         Map<String, String> env, Path logFile) {
        return startJava(name, layout, 0, jvmArgs, mainArgs, env, logFile);
    }

    /** @param niceness added to the process's scheduling niceness (0: as this process; higher: yields the CPU) */
    public static ChildProcess startJava(String name, StackLayout layout, int niceness, List<String> jvmArgs,
                                         List<String> mainArgs, Map<String, String> env, Path logFile) {
        List<String> command = new ArrayList<>();
        if (niceness != 0) {
            // nice execs java: the process (and its pid) is the JVM itself, with every thread at that niceness.
            command.addAll(List.of("nice", "-n", Integer.toString(niceness)));
        }
        command.add(layout.javaExecutable().toString());
        command.add("-javaagent:" + layout.agentJar());
        command.addAll(jvmArgs);
        command.addAll(mainArgs);
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.PIPE);
            builder.environment().putAll(env);
            return new ChildProcess(name, builder.start(), logFile);
        } catch (IOException e) {
            throw new StackException("could not start " + name + ": " + e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until {@code ready} holds, failing fast with the end of the log when the process dies first. */
    public void awaitReady(Duration timeout, BooleanSupplier ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new StackException(name + " exited with code " + process.exitValue() + " before it was ready; "
                        + "last lines of " + logFile + ":\n" + logTail(40));
            }
            if (ready.getAsBoolean()) {
                return;
            }
            sleep(Duration.ofMillis(200));
        }
        throw new StackException(name + " was not ready within " + timeout.toSeconds() + " s; last lines of "
                + logFile + ":\n" + logTail(40));
    }

    /** Waits for the process to finish by itself, e.g. a one-shot tool. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                close();
                throw new StackException(name + " did not finish within " + timeout.toSeconds() + " s");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while waiting for " + name, e);
        }
    }

    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** SIGTERM, then SIGKILL if the process has not stopped after a grace period. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            try {
                lifeline.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted", e);
        }
    }
}

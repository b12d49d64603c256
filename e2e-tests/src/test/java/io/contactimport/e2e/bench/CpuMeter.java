package io.contactimport.e2e.bench;

import io.contactimport.stack.ChildProcess;
import io.contactimport.stack.LocalStack;
import io.contactimport.stack.ServiceFleet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The CPU time each part of the system used (user + system, read from {@code /proc}, so Linux only): what an import
 * costs where, since every part shares the same cores. A part is one process, and for PostgreSQL the postmaster
 * with its backends, ended ones included (the postmaster reaps them); it runs apart from the JVM that started it
 * ({@code pg_ctl} detaches it). The benchmark's own process counts alone: the others are its children.
 */
final class CpuMeter {

    /** Linux's USER_HZ: the unit of the times in {@code /proc/<pid>/stat}, 100 on every architecture Java runs on. */
    private static final double TICKS_PER_SECOND = 100;

    private record Part(long pid, boolean withDescendants) {
    }

    private final Map<String, Part> parts = new LinkedHashMap<>();

    CpuMeter(ServiceFleet fleet, LocalStack stack) {
        for (ServiceFleet.Instance instance : fleet.instances()) {
            parts.put(instance.service().module(), new Part(instance.process().pid(), false));
        }
        for (ChildProcess process : stack.processes()) {
            parts.put(process.name(), new Part(process.pid(), false));
        }
        stack.postgresServer().ifPresent(postmaster -> parts.put("postgresql server", new Part(postmaster.pid(),
                true)));
        parts.put("benchmark (its client)", new Part(ProcessHandle.current().pid(), false));
    }

    /** Seconds of CPU per part so far. */
    Map<String, Double> read() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        parts.forEach((name, part) -> seconds.put(name, ProcessHandle.of(part.pid())
                .map(root -> Stream.concat(Stream.of(root), part.withDescendants() ? root.descendants() : Stream.of())
                        .mapToLong(CpuMeter::ticks).sum())
                .orElse(0L) / TICKS_PER_SECOND));
        return seconds;
    }

    /** The CPU each part used between two readings, largest first, and the total against what the cores offered. */
    static String between(Map<String, Double> before, Map<String, Double> after, long wallNanos) {
        Map<String, Double> used = new LinkedHashMap<>();
        after.forEach((part, seconds) -> used.put(part, seconds - before.getOrDefault(part, 0.0)));
        double total = used.values().stream().mapToDouble(Double::doubleValue).sum();
        double offered = Runtime.getRuntime().availableProcessors() * wallNanos / 1e9;
        return used.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(part -> String.format("%s %.1f", part.getKey(), part.getValue()))
                .collect(Collectors.joining(", ", "", String.format("; total %.1f of %.1f core-seconds", total,
                        offered)));
    }

    /** utime + stime + cutime + cstime (fields 14–17 of {@code /proc/<pid>/stat}); 0 for a process gone. */
    private static long ticks(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            // The command name (field 2) may hold spaces; the fields after it are counted from its closing ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                    + Long.parseLong(fields[14]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}

package io.contactimport.stack.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Runs a real PostgreSQL 17 server for the local stack and keeps it exactly as long as this JVM lives.
 * pg_ctl daemonises the server, so this holder stops it from a shutdown hook; the launcher's parent-watch
 * agent turns "my launcher died" into an orderly exit of this JVM.
 *
 * <p>Arguments: port, data directory, working directory for the unpacked binaries.
 */
public final class PostgresServer {

    private PostgresServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path dataDir = Path.of(args[1]);
        Path binariesDir = Path.of(args[2]);
        Files.createDirectories(dataDir);
        Files.createDirectories(binariesDir);
        exitIfTheServerNeverRuns(dataDir);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binariesDir.toFile())
                // After a crash the server replays its WAL first, which takes longer than zonky's 10 s on a busy
                // machine.
                .setPGStartupWait(Duration.ofMinutes(5))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "300")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("max_wal_size", "2GB")
                // Durable, unlike zonky's defaults (-F, synchronous_commit=off): a commit is acknowledged only once
                // it is on disk, so a crash of the server never forgets what the services were told was stored.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (Exception e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e);
            }
        }, "postgres-stop"));
        System.out.println("PostgreSQL ready on 127.0.0.1:" + port);
        Thread.currentThread().join();
    }

    /**
     * zonky waits the whole startup wait (5 min) for a server that could not even start (its port taken, say); a
     * server that runs, also one replaying its WAL, has its postmaster.pid. Without one after 30 s, this holder exits,
     * so the launcher sees the failure at once.
     */
    private static void exitIfTheServerNeverRuns(Path dataDir) {
        Thread watch = new Thread(() -> {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                return;
            }
            if (!Files.exists(dataDir.resolve("postmaster.pid"))) {
                System.err.println("PostgreSQL did not start (no postmaster.pid after 30 s): see the lines above");
                System.exit(1);
            }
        }, "postgres-start-watch");
        watch.setDaemon(true);
        watch.start();
    }
}

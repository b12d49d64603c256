package io.contactimport.e2e.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactimport.e2e.support.RunningSystem;
import io.contactimport.stack.LocalStack;
import io.contactimport.stack.Service;
import io.contactimport.stack.ServiceFleet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An uploaded file leaves the object store once its import has been over for UPLOAD_RETENTION. */
class UploadRetentionIT {

    @TempDir
    Path files;

    @Test
    void anEndedImportsUploadIsDeletedAfterTheRetention() throws Exception {
        RunningSystem system = RunningSystem.shared();
        String key = system.newTeamKey();
        Path file = Files.writeString(files.resolve("kept.csv"), "email\nretention.1@example.com\n");
        String id = system.createImport(key, file, null);
        Path upload = uploaded(system, id);
        assertThat(upload).exists();
        system.awaitFinished(key, id);

        // A gateway that keeps uploads for 2 s after their import ended, and looks every second.
        ServiceFleet fleet = system.fleet();
        fleet.override(Service.API_GATEWAY, Map.of("UPLOAD_RETENTION", "2s", "UPLOAD_SWEEP_EVERY", "1s"));
        ServiceFleet.Instance sweeper = fleet.start(Service.API_GATEWAY, LocalStack.freePort());
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (Files.exists(upload) && System.nanoTime() < deadline) {
                RunningSystem.sleep(250);
            }
            assertThat(upload).doesNotExist();
            assertThat(deletedAt(system, id)).isTrue();
            assertThat(system.importStatus(key, id).getString("status")).isEqualTo("completed");
        } finally {
            fleet.override(Service.API_GATEWAY, Map.of());
            fleet.kill(sweeper);
        }
    }

    private static Path uploaded(RunningSystem system, String id) throws Exception {
        return system.stack().dataDir().resolve("s3/buckets").resolve(LocalStack.S3_BUCKET)
                .resolve(requestColumn(system, "object_key", id));
    }

    private static boolean deletedAt(RunningSystem system, String id) throws Exception {
        return requestColumn(system, "upload_deleted_at", id) != null;
    }

    private static String requestColumn(RunningSystem system, String column, String id) throws Exception {
        try (Connection db = system.connect(); PreparedStatement query = db.prepareStatement(
                "SELECT " + column + "::text FROM gateway.import_requests WHERE id = ?")) {
            query.setObject(1, UUID.fromString(id));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }
}

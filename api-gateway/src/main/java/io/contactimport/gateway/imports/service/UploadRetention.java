package io.contactimport.gateway.imports.service;

import io.contactimport.contracts.api.ApiTimestamps;
import io.contactimport.gateway.clients.StatusProjectorClient;
import io.contactimport.gateway.imports.repository.ImportRequests;
import io.contactimport.gateway.imports.repository.ImportRequests.KeptUpload;
import io.contactimport.gateway.storage.ObjectStore;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Uploaded files hold a team's contacts: each is deleted from the object store {@code UPLOAD_RETENTION} (7 days) after
 * its import ended, completed or failed. The end is the projector's (the owner of imports' status); an import that has
 * not ended keeps its file. Several gateways may sweep at once: deleting twice is harmless.
 */
@ApplicationScoped
public class UploadRetention {

    private static final Logger LOG = Logger.getLogger(UploadRetention.class);
    private static final Set<String> ENDED = Set.of("completed", "failed");
    private static final int PAGE = 100;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ImportRequests requests;
    private final StatusProjectorClient projector;
    private final ObjectStore store;
    private final Duration retention;

    public UploadRetention(ImportRequests requests, @RestClient StatusProjectorClient projector,
                           ObjectStore store, @ConfigProperty(name = "gateway.uploads.retention") Duration retention) {
        this.requests = requests;
        this.projector = projector;
        this.store = store;
        this.retention = retention;
    }

    /** Blocking, on a worker thread; a failure ends this round, the next one starts over. */
    @Scheduled(every = "${gateway.uploads.sweep-every}", delayed = "${gateway.uploads.sweep-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deleteExpiredUploads() {
        OffsetDateTime afterCreated = OffsetDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC);
        UUID afterId = new UUID(0, 0);
        int deleted = 0;
        try {
            List<KeptUpload> page;
            do {
                page = requests.keptUploadsOlderThan(retention, afterCreated, afterId, PAGE).await().atMost(TIMEOUT);
                for (KeptUpload upload : page) {
                    if (endedLongEnoughAgo(upload)) {
                        store.delete(upload.objectKey());
                        requests.markUploadDeleted(upload.id()).await().atMost(TIMEOUT);
                        deleted++;
                    }
                    afterCreated = upload.createdAt();
                    afterId = upload.id();
                }
            } while (page.size() == PAGE);
        } catch (RuntimeException e) {
            LOG.warnf("deleting expired uploads stopped (%s); the next round goes on", e.toString());
        }
        if (deleted > 0) {
            LOG.infof("deleted %d uploaded files whose imports ended more than %s ago", deleted, retention);
        }
    }

    private boolean endedLongEnoughAgo(KeptUpload upload) {
        try (Response answer = projector.get(upload.teamId(), upload.id()).await().atMost(TIMEOUT)) {
            if (answer.getStatus() != 200) {
                return false;
            }
            JsonObject contactImport = new JsonObject(answer.readEntity(String.class));
            Instant ended = ApiTimestamps.parse(contactImport.getString("completed_at"));
            return ENDED.contains(contactImport.getString("status")) && ended != null
                    && ended.isBefore(Instant.now().minus(retention));
        }
    }
}

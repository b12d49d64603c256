package io.contactimport.gateway.imports.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.contactimport.contracts.api.ApiException;
import io.contactimport.support.files.CsvInput;
import io.contactimport.contracts.imports.ColumnMap;
import io.contactimport.contracts.imports.ImportRequested;
import io.contactimport.contracts.imports.OnConflict;
import io.contactimport.contracts.imports.TopicSubscription;
import io.contactimport.gateway.clients.PropertyServiceClient;
import io.contactimport.gateway.clients.RowProcessorClient;
import io.contactimport.gateway.idempotency.service.Idempotency;
import io.contactimport.gateway.imports.events.ImportRequestedPublisher;
import io.contactimport.gateway.imports.repository.ImportRequests;
import io.contactimport.gateway.storage.ObjectStore;
import io.contactimport.support.observability.ImportLogContext;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.TimeoutException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Accepts an import: checks the request and the file's header, stores the file, records the request and announces
 * it. Every check runs before anything is stored, so a rejected request leaves nothing behind.
 */
@ApplicationScoped
public class ImportRequestService {

    private static final Logger LOG = Logger.getLogger(ImportRequestService.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ObjectMapper json;
    private final ObjectStore store;
    private final ImportRequests requests;
    private final ImportRequestedPublisher publisher;
    private final PropertyServiceClient properties;
    private final RowProcessorClient definitions;
    private final Timer storing;
    private final DistributionSummary uploadSizes;

    public ImportRequestService(ObjectMapper json, ObjectStore store, ImportRequests requests,
                                ImportRequestedPublisher publisher, @RestClient PropertyServiceClient properties,
                                @RestClient RowProcessorClient definitions, MeterRegistry metrics) {
        this.json = json;
        this.store = store;
        this.requests = requests;
        this.publisher = publisher;
        this.properties = properties;
        this.definitions = definitions;
        this.storing = Timer.builder("contact_imports.upload.store")
                .description("Storing an uploaded file in the object store").register(metrics);
        this.uploadSizes = DistributionSummary.builder("contact_imports.upload.size").baseUnit("bytes")
                .description("Sizes of the files imported").register(metrics);
    }

    /** What identifies an import request for {@code Idempotency-Key}: its fields and the file's content. */
    public String fingerprint(CreateImport request) {
        MessageDigest digest = Idempotency.digest();
        if (request.file() != null) {
            try (InputStream in = new DigestInputStream(Files.newInputStream(request.file()), digest)) {
                in.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Idempotency.fingerprint(String.join("\n", Idempotency.hex(digest.digest()),
                String.valueOf(request.columnMap()), String.valueOf(request.onConflict()),
                String.valueOf(request.segments()), String.valueOf(request.topics()),
                String.valueOf(request.notImported())));
    }

    /**
     * The form fields of {@code POST /contacts/imports}; {@code file} is the upload already on local disk;
     * {@code notImported}, beyond Resend's API: a JSON array of the headers a person reviewed and chose not to import.
     */
    public record CreateImport(Path file, String fileName, String columnMap, String onConflict, String segments,
                               String topics, String notImported) {
    }

    /** Blocking: call from a worker thread. */
    public UUID create(UUID teamId, CreateImport request) {
        if (request.file() == null) {
            throw ApiException.validation("Missing `file` field: attach the CSV as a multipart part named `file`.");
        }
        List<String> header = readHeader(request.file());
        OnConflict onConflict = onConflict(request.onConflict());
        ColumnMap columnMap = ColumnMapping.resolve(json, request.columnMap(), header);
        checkPropertyTypes(teamId, columnMap);
        List<UUID> segments = segments(request.segments());
        List<TopicSubscription> topics = topics(request.topics());
        List<String> notImported = notImported(request.notImported());
        definitions.requireExisting(teamId, segments, topics.stream().map(TopicSubscription::id).toList());

        UUID importId = UUID.randomUUID();
        ImportLogContext.enterImport(importId);
        String objectKey = "imports/" + teamId + "/" + importId;
        long storeStart = System.nanoTime();
        long size = store.put(objectKey, request.file());
        long stored = System.nanoTime() - storeStart;
        storing.record(Duration.ofNanos(stored));
        uploadSizes.record(size);
        LOG.infof("import %s: %d bytes stored in %d ms", importId, size, stored / 1_000_000);
        ImportRequested event = new ImportRequested(importId, teamId, objectKey, request.fileName(), size, columnMap,
                onConflict, segments, topics, Instant.now());
        record(event, objectKey);
        try {
            publisher.publish(event).await().atMost(TIMEOUT);
        } catch (RuntimeException e) {
            // Accepted and recorded: the outbox relay announces it once Kafka answers again.
            LOG.warnf(e, "import %s recorded but not yet announced", importId);
        }
        if (request.columnMap() != null && !request.columnMap().isBlank() || !notImported.isEmpty()) {
            rememberMapping(teamId, header, columnMap, notImported);
        }
        return importId;
    }

    /**
     * Stores the request row (the outbox of the announcement). When that fails, the stored file goes too, so a
     * refused request leaves nothing behind; unless the database did not answer in time, because then the row may
     * have been committed after all and needs its file.
     */
    private void record(ImportRequested event, String objectKey) {
        try {
            requests.insert(event.importId(), event.teamId(), objectKey, event.fileName(), event.fileSize(),
                    json.writeValueAsString(event)).await().atMost(TIMEOUT);
        } catch (JsonProcessingException | RuntimeException e) {
            if (!(e instanceof TimeoutException)) {
                deleteQuietly(objectKey);
            }
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    private void deleteQuietly(String objectKey) {
        try {
            store.delete(objectKey);
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s is left in the object store without an import: delete it by hand", objectKey);
        }
    }

    /**
     * A person chose this mapping (the headers a column_map maps, and those named as not imported): the next
     * suggestions for the same headers follow it. Best effort.
     */
    private void rememberMapping(UUID teamId, List<String> header, ColumnMap columnMap, List<String> notImported) {
        JsonObject properties = new JsonObject();
        columnMap.properties().forEach((key, column) -> properties.put(key,
                new JsonObject().put("column", column.column()).put("type", column.type().apiValue())));
        JsonObject map = new JsonObject().put("email", columnMap.email()).put("first_name", columnMap.firstName())
                .put("last_name", columnMap.lastName()).put("unsubscribed", columnMap.unsubscribed())
                .put("properties", properties);
        this.properties.confirmMapping(teamId, new JsonObject().put("header", new JsonArray(header))
                        .put("column_map", map).put("not_imported", new JsonArray(notImported)))
                .subscribe().with(done -> { }, e -> LOG.warnf(e, "mapping of team %s not remembered", teamId));
    }

    private static List<String> readHeader(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            CsvInput.Opened opened = CsvInput.open(in);
            Iterator<CsvRecord> records = CsvReader.builder().fieldSeparator(opened.delimiter()).skipEmptyLines(true)
                    .allowExtraFields(true).allowMissingFields(true).ofCsvRecord(opened.reader()).iterator();
            if (!records.hasNext()) {
                throw ApiException.validation("The file has no header line.");
            }
            List<String> header = records.next().getFields().stream().map(String::trim).toList();
            if (header.stream().allMatch(String::isEmpty)) {
                throw ApiException.validation("The file has no header line.");
            }
            return header;
        } catch (CsvInput.UnreadableFileException e) {
            throw ApiException.validation(e.getMessage());
        } catch (ApiException e) {
            throw e;
        } catch (Exception e) {
            throw ApiException.validation("The file could not be read as CSV: " + e.getMessage());
        }
    }

    private static OnConflict onConflict(String value) {
        if (value == null || value.isBlank()) {
            return OnConflict.UPSERT;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "upsert" -> OnConflict.UPSERT;
            case "skip" -> OnConflict.SKIP;
            default -> throw ApiException.validation("`on_conflict` must be `upsert` or `skip`, not `" + value + "`.");
        };
    }

    private void checkPropertyTypes(UUID teamId, ColumnMap columnMap) {
        if (columnMap.properties().isEmpty()) {
            return;
        }
        for (PropertyServiceClient.ContactProperty existing : properties.list(teamId)) {
            ColumnMap.PropertyColumn wanted = columnMap.properties().get(existing.key());
            if (wanted != null && !wanted.type().apiValue().equals(existing.type())) {
                throw ApiException.validation("Property `" + existing.key() + "` already exists with type "
                        + existing.type() + ", not " + wanted.type().apiValue() + ".");
            }
        }
    }

    /** {@code [{"id": …}]}, or bare ids {@code ["…"]} as some SDKs pass what the caller wrote. */
    private List<UUID> segments(String text) {
        List<UUID> ids = new ArrayList<>();
        for (JsonNode item : jsonArray(text, "segments", "[{\"id\": \"<segment id>\"}]")) {
            ids.add(uuid(idOf(item), "segments"));
        }
        return ids;
    }

    /** {@code [{"id": …, "subscription": …}]} (opt_in when left out), or bare ids. */
    private List<TopicSubscription> topics(String text) {
        List<TopicSubscription> topics = new ArrayList<>();
        String shape = "[{\"id\": \"<topic id>\", \"subscription\": \"opt_in\" | \"opt_out\"}]";
        for (JsonNode item : jsonArray(text, "topics", shape)) {
            String subscription = item.path("subscription").asText("opt_in");
            if (!subscription.equals("opt_in") && !subscription.equals("opt_out")) {
                throw ApiException.validation("`topics` must look like " + shape + ".");
            }
            topics.add(new TopicSubscription(uuid(idOf(item), "topics"), subscription.equals("opt_in")));
        }
        return topics;
    }

    private List<String> notImported(String text) {
        List<String> headers = new ArrayList<>();
        for (JsonNode item : jsonArray(text, "not_imported", "[\"<header>\", …]")) {
            if (!item.isTextual()) {
                throw ApiException.validation("`not_imported` must be a JSON array of header names.");
            }
            headers.add(item.asText());
        }
        return headers;
    }

    private static JsonNode idOf(JsonNode item) {
        return item.isTextual() ? item : item.path("id");
    }

    private Iterable<JsonNode> jsonArray(String text, String field, String shape) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            JsonNode node = json.readTree(text);
            if (node.isArray()) {
                return node;
            }
        } catch (Exception e) {
            // reported below
        }
        throw ApiException.validation("`" + field + "` must be a JSON array like " + shape + ".");
    }

    private static UUID uuid(JsonNode id, String field) {
        try {
            return UUID.fromString(id.asText());
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("`" + field + "` has an invalid id `" + id.asText() + "`.");
        }
    }
}

package io.contactimport.contracts.golden;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.contactimport.contracts.Topic;
import io.contactimport.contracts.batches.RowBatch;
import io.contactimport.contracts.batches.RowBatchProcessed;
import io.contactimport.contracts.changes.ContactChanged;
import io.contactimport.contracts.imports.ImportAdmitted;
import io.contactimport.contracts.imports.ImportRequested;
import io.contactimport.contracts.imports.ImportSplit;
import io.contactimport.contracts.imports.ImportStatusChanged;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * One event as it is on the wire, kept in {@code src/test/resources/golden/}: the producers' tests compare what
 * they send with it and the consumers' tests read it, so a change that would break the other side fails a build.
 * {@code type} is the record it is; {@code schema} the public JSON Schema it follows, for the public topics.
 */
public enum GoldenSample {
    IMPORT_REQUESTED("import-requested", Topic.IMPORT_REQUESTED, ImportRequested.class, null),
    IMPORT_ADMITTED("import-admitted", Topic.IMPORT_ADMITTED, ImportAdmitted.class, null),
    ROW_BATCH("row-batch", Topic.ROW_BATCHES, RowBatch.class, null),
    IMPORT_SPLIT("import-split", Topic.IMPORT_SPLITS, ImportSplit.class, null),
    IMPORT_SPLIT_FAILED("import-split-failed", Topic.IMPORT_SPLITS, ImportSplit.class, null),
    ROW_BATCH_PROCESSED("row-batch-processed", Topic.BATCH_OUTCOMES, RowBatchProcessed.class, null),
    CONTACT_CREATED("contact-created", Topic.CONTACT_CHANGES, ContactChanged.class, "contact-changed.json"),
    CONTACT_UPDATED("contact-updated", Topic.CONTACT_CHANGES, ContactChanged.class, "contact-changed.json"),
    CONTACT_DELETED("contact-deleted", Topic.CONTACT_CHANGES, ContactChanged.class, "contact-changed.json"),
    IMPORT_CREATED("contact-import-created", Topic.IMPORT_STATUS, ImportStatusChanged.class, "contact-import.json"),
    IMPORT_COMPLETED("contact-import-completed", Topic.IMPORT_STATUS, ImportStatusChanged.class,
            "contact-import.json"),
    IMPORT_FAILED("contact-import-failed", Topic.IMPORT_STATUS, ImportStatusChanged.class, "contact-import.json"),
    IMPORT_CANCELED("contact-import-canceled", Topic.IMPORT_STATUS, ImportStatusChanged.class,
            "contact-import.json");

    /** Where the JSON Schemas of the public events are, on the classpath (and under /events/schemas/ over HTTP). */
    public static final String SCHEMAS = "/META-INF/resources/events/schemas/";

    private final String file;
    private final Topic topic;
    private final Class<?> type;
    private final String schema;

    GoldenSample(String file, Topic topic, Class<?> type, String schema) {
        this.file = file;
        this.topic = topic;
        this.type = type;
        this.schema = schema;
    }

    public Topic topic() {
        return topic;
    }

    public Class<?> type() {
        return type;
    }

    public String schema() {
        return schema;
    }

    public String json() {
        try (InputStream in = GoldenSample.class.getResourceAsStream("/golden/" + file + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample as its record, read as the services read it. */
    public <T> T read(ObjectMapper mapper, Class<T> as) {
        try {
            return mapper.readValue(json(), as);
        } catch (IOException e) {
            throw new UncheckedIOException(file + " no longer reads as " + as.getSimpleName(), e);
        }
    }

    /**
     * Jackson as every service configures it ({@code quarkus.jackson.*}: snake_case names, dates as ISO text),
     * but strict: a sample field the record does not have fails here, where a service would drop it silently.
     */
    public static ObjectMapper wireMapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}

package io.contactimport.splitter.imports.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.contactimport.contracts.batches.RowBatch;
import io.contactimport.contracts.golden.GoldenSample;
import io.contactimport.contracts.imports.ColumnMap;
import io.contactimport.contracts.imports.ImportRequested;
import io.contactimport.contracts.imports.OnConflict;
import io.contactimport.contracts.imports.PropertyType;
import io.contactimport.contracts.imports.TopicSubscription;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EncodedRowBatchTest {

    /** As application.properties configures Quarkus's ObjectMapper in every service. */
    private final ObjectMapper json = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    @Test
    void writesWhatJacksonWritesForTheSameRowBatch() throws Exception {
        ImportRequested request = new ImportRequested(UUID.randomUUID(), UUID.randomUUID(), "imports/key", "f.csv", 10,
                new ColumnMap("E-mail", "First", null, "Unsub",
                        Map.of("plan", new ColumnMap.PropertyColumn("Plan", PropertyType.STRING),
                                "score", new ColumnMap.PropertyColumn("Score", PropertyType.NUMBER))),
                OnConflict.SKIP, List.of(UUID.randomUUID()), List.of(new TopicSubscription(UUID.randomUUID(), false)),
                Instant.now());
        List<String> header = List.of("E-mail", "First", "Unsub", "Plan", "Score");
        List<RowBatch.Row> rows = List.of(
                new RowBatch.Row(1, List.of("ada@example.com", "Ada", "no", "pro", "1.5"), false),
                new RowBatch.Row(7, List.of("zoë@exämple.com", "Zoë \"Z\", the 2nd\nline", "", "\u0000", "\t"),
                        false),
                new RowBatch.Row(9, List.of("short"), true));

        EncodedRowBatch encoded = new EncodedRowBatch(json, request, header, 3, 42);
        rows.forEach(encoded::add);
        byte[] bytes = encoded.finish();

        RowBatch expected = new RowBatch(request.importId(), request.teamId(), 3, 42, OnConflict.SKIP, header,
                request.columnMap(), request.segmentIds(), request.topics(), rows);
        assertEquals(json.readTree(json.writeValueAsBytes(expected)), json.readTree(bytes));
        assertEquals(expected, json.readValue(bytes, RowBatch.class));
        assertEquals(3, encoded.bucket());
    }

    @Test
    void writesTheGoldenRowBatchFromTheGoldenRequest() throws Exception {
        ObjectMapper wire = GoldenSample.wireMapper();
        ImportRequested request = GoldenSample.IMPORT_REQUESTED.read(wire, ImportRequested.class);
        RowBatch golden = GoldenSample.ROW_BATCH.read(wire, RowBatch.class);

        EncodedRowBatch encoded = new EncodedRowBatch(wire, request, golden.header(), golden.bucket(),
                golden.sequence());
        golden.rows().forEach(encoded::add);

        assertEquals(wire.readTree(GoldenSample.ROW_BATCH.json()), wire.readTree(encoded.finish()));
    }
}

package io.contactimport.splitter.imports.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.contactimport.contracts.batches.Buckets;
import io.contactimport.contracts.batches.RowBatch;
import io.contactimport.contracts.imports.ColumnMap;
import io.contactimport.contracts.imports.ImportRequested;
import io.contactimport.contracts.imports.Lane;
import io.contactimport.contracts.imports.OnConflict;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FileSplitterTest {

    private final FileSplitter splitter = new FileSplitter(5, 1 << 20);
    private final ImportRequested request = new ImportRequested(UUID.randomUUID(), UUID.randomUUID(), "key", "f.csv",
            0, new ColumnMap("email", null, null, null, Map.of()), OnConflict.UPSERT, List.of(), List.of(),
            Instant.now());

    private static final class ListSink implements BatchSink<ListSink.Rows> {
        final List<RowBatch> batches = new ArrayList<>();

        record Rows(RowBatch empty, List<RowBatch.Row> rows) implements OpenBatch {
            @Override
            public void add(RowBatch.Row row) {
                rows.add(row);
            }
        }

        @Override
        public Rows open(ImportRequested request, List<String> header, int bucket, int sequence) {
            return new Rows(new RowBatch(request.importId(), request.teamId(), bucket, sequence, request.onConflict(),
                    header, request.columnMap(), request.segmentIds(), request.topics(), List.of()), new ArrayList<>());
        }

        @Override
        public void publish(Rows batch) {
            RowBatch empty = batch.empty();
            batches.add(new RowBatch(empty.importId(), empty.teamId(), empty.bucket(), empty.sequence(),
                    empty.onConflict(), empty.header(), empty.columnMap(), empty.segmentIds(), empty.topics(),
                    batch.rows()));
        }

        @Override
        public void flush() {
        }
    }

    private ListSink split(String csv) {
        return split(csv, Lane.BULK);
    }

    private ListSink split(String csv, Lane lane) {
        ListSink sink = new ListSink();
        splitter.split(request, lane, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), sink);
        return sink;
    }

    private static String file(int rows) {
        StringBuilder csv = new StringBuilder("email,name\n");
        for (int i = 0; i < rows; i++) {
            csv.append("user").append(i % 40).append("@example.com,n").append(i).append('\n');
        }
        return csv.toString();
    }

    @Test
    void theSameFileAlwaysGivesTheSameBatches() {
        assertEquals(split(file(200)).batches, split(file(200)).batches);
    }

    @Test
    void everyRowOfAnEmailIsInItsBucketInFileOrder() {
        ListSink sink = split(file(200));
        assertEquals(200, sink.batches.stream().mapToInt(b -> b.rows().size()).sum());
        for (RowBatch batch : sink.batches) {
            assertTrue(batch.rows().size() <= 5);
            for (RowBatch.Row row : batch.rows()) {
                assertEquals(Buckets.of(request.teamId(), row.cells().get(0)), batch.bucket());
            }
        }
        List<Long> user7 = sink.batches.stream()
                .sorted((a, b) -> a.bucket() != b.bucket() ? a.bucket() - b.bucket() : a.sequence() - b.sequence())
                .flatMap(b -> b.rows().stream()).filter(r -> r.cells().get(0).equals("user7@example.com"))
                .map(RowBatch.Row::number).toList();
        assertEquals(List.of(8L, 48L, 88L, 128L, 168L), user7);
    }

    @Test
    void anExpressImportKeepsAllItsRowsInOneBucketInFileOrder() {
        ListSink sink = split(file(23) + "a,b,c\n", Lane.EXPRESS);
        int bucket = Buckets.ofImport(request.importId());
        assertEquals(List.of(0, 1, 2, 3, 4), sink.batches.stream().map(RowBatch::sequence).toList());
        assertTrue(sink.batches.stream().allMatch(batch -> batch.bucket() == bucket));
        List<Long> numbers = sink.batches.stream().flatMap(b -> b.rows().stream()).map(RowBatch.Row::number).toList();
        assertEquals(24, numbers.size());
        for (int i = 0; i < numbers.size(); i++) {
            assertEquals(i + 1, numbers.get(i));
        }
    }

    @Test
    void malformedRowsAreKeptAndMarkedBlankLinesAreNotRows() {
        ListSink sink = split("email,name\r\na@x.io,A\r\n\r\nb@x.io\r\n\"c@x.io\",\"Multi\nline, quoted\"\r\n");
        List<RowBatch.Row> rows = sink.batches.stream().flatMap(b -> b.rows().stream())
                .sorted((a, b) -> Long.compare(a.number(), b.number())).toList();
        assertEquals(3, rows.size());
        assertTrue(rows.get(1).malformed());
        assertEquals("Multi\nline, quoted", rows.get(2).cells().get(1));
    }

    @Test
    void aFileWithoutHeaderIsUnreadable() {
        assertThrows(FileSplitter.UnreadableFileException.class, () -> split(""));
    }
}

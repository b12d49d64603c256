package io.contactimport.splitter.imports.service;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.contactimport.contracts.batches.Buckets;
import io.contactimport.contracts.batches.RowBatch;
import io.contactimport.support.files.CsvInput;
import io.contactimport.contracts.imports.ImportRequested;
import io.contactimport.contracts.imports.Lane;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Cuts a CSV into row batches, streaming. Deterministic: a row's bucket depends only on its email (in the bulk lane)
 * or its import (in the express lane), and a bucket's batch is cut when it reaches a row or byte limit, so the same
 * file always yields the same batches, numbered the same way. Memory is bounded by buckets × batch size, whatever
 * the file size.
 */
@ApplicationScoped
public class FileSplitter {

    private final int batchRows;
    private final int batchBytes;

    public FileSplitter(@ConfigProperty(name = "splitter.batch-rows") int batchRows,
                        @ConfigProperty(name = "splitter.batch-bytes") int batchBytes) {
        this.batchRows = batchRows;
        this.batchBytes = batchBytes;
    }

    /** How many data rows the file had and how many batches they went into. */
    public record Split(long rows, int batches) {
    }

    /** The file could not be read to the end; {@code split} says how far it got. */
    public static final class UnreadableFileException extends RuntimeException {
        private final transient Split split;

        UnreadableFileException(String message, Split split) {
            super(message);
            this.split = split;
        }

        public Split split() {
            return split;
        }
    }

    public <B extends BatchSink.OpenBatch> Split split(ImportRequested request, Lane lane, InputStream file,
                                                       BatchSink<B> sink) {
        int importBucket = Buckets.ofImport(request.importId());
        List<Bucket<B>> buckets = new ArrayList<>(Buckets.COUNT);
        for (int i = 0; i < Buckets.COUNT; i++) {
            buckets.add(new Bucket<>());
        }
        long rows = 0;
        int batches = 0;
        try {
            CsvInput.Opened opened = CsvInput.open(file);
            CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(opened.delimiter()).skipEmptyLines(true)
                    .allowExtraFields(true).allowMissingFields(true).ofCsvRecord(opened.reader());
            Iterator<CsvRecord> records = reader.iterator();
            if (!records.hasNext()) {
                throw new UnreadableFileException("The file has no header line.", new Split(0, 0));
            }
            List<String> header = records.next().getFields();
            int emailColumn = header.indexOf(request.columnMap().email());
            while (records.hasNext()) {
                CsvRecord record = records.next();
                if (isBlank(record)) {
                    continue;
                }
                rows++;
                List<String> cells = record.getFields();
                boolean malformed = cells.size() != header.size();
                int bucket = lane == Lane.EXPRESS ? importBucket
                        : malformed || emailColumn >= cells.size() ? (int) (rows % Buckets.COUNT)
                        : Buckets.of(request.teamId(), cells.get(emailColumn));
                Bucket<B> target = buckets.get(bucket);
                if (target.batch == null) {
                    target.batch = sink.open(request, header, bucket, target.nextSequence);
                }
                target.add(new RowBatch.Row(rows, cells, malformed));
                if (target.rows >= batchRows || target.bytes >= batchBytes) {
                    sink.publish(target.cut());
                    batches++;
                }
            }
            for (Bucket<B> bucket : buckets) {
                if (bucket.rows > 0) {
                    sink.publish(bucket.cut());
                    batches++;
                }
            }
            sink.flush();
            return new Split(rows, batches);
        } catch (IOException | UncheckedIOException | de.siegmar.fastcsv.reader.CsvParseException e) {
            sink.flush();
            throw new UnreadableFileException(describe(e, rows), new Split(rows, batches));
        }
    }

    private static String describe(Exception e, long rows) {
        String reason = e instanceof UncheckedIOException u ? u.getCause().getMessage() : e.getMessage();
        return rows == 0 && e instanceof CsvInput.UnreadableFileException ? reason
                : "The file could not be read after row " + rows + ": " + reason;
    }

    /** A line holding nothing but whitespace; a line of delimiters is a row (with an empty email). */
    private static boolean isBlank(CsvRecord record) {
        return record.getFieldCount() == 1 && record.getField(0).isBlank();
    }

    /** The batch one bucket is filling. */
    private static final class Bucket<B extends BatchSink.OpenBatch> {
        B batch;
        int rows;
        long bytes;
        int nextSequence;

        void add(RowBatch.Row row) {
            batch.add(row);
            rows++;
            for (String cell : row.cells()) {
                bytes += cell.length() + 4;
            }
        }

        B cut() {
            B full = batch;
            batch = null;
            rows = 0;
            bytes = 0;
            nextSequence++;
            return full;
        }
    }
}

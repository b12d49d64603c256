package io.contactimport.splitter.imports.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactimport.contracts.batches.RowBatch;
import io.contactimport.contracts.imports.ImportRequested;
import io.contactimport.splitter.imports.service.BatchSink;
import java.io.IOException;
import java.util.List;

/**
 * A row batch written as JSON while its rows arrive: the JSON Jackson writes for a {@link RowBatch}, field for field
 * ({@code EncodedRowBatchTest} holds the two side by side), without keeping the rows as objects until the cut.
 */
final class EncodedRowBatch implements BatchSink.OpenBatch {

    private final int bucket;
    private final ByteArrayBuilder bytes = new ByteArrayBuilder(64 * 1024);
    private final JsonGenerator out;

    EncodedRowBatch(ObjectMapper json, ImportRequested request, List<String> header, int bucket, int sequence) {
        this.bucket = bucket;
        try {
            out = json.createGenerator(bytes);
            out.writeStartObject();
            out.writeStringField("import_id", request.importId().toString());
            out.writeStringField("team_id", request.teamId().toString());
            out.writeNumberField("bucket", bucket);
            out.writeNumberField("sequence", sequence);
            out.writeObjectField("on_conflict", request.onConflict());
            out.writeObjectField("header", header);
            out.writeObjectField("column_map", request.columnMap());
            out.writeObjectField("segment_ids", request.segmentIds());
            out.writeObjectField("topics", request.topics());
            out.writeArrayFieldStart("rows");
        } catch (IOException e) {
            throw new IllegalStateException("row batch not written", e);
        }
    }

    @Override
    public void add(RowBatch.Row row) {
        try {
            out.writeStartObject();
            out.writeNumberField("number", row.number());
            out.writeArrayFieldStart("cells");
            for (String cell : row.cells()) {
                out.writeString(cell);
            }
            out.writeEndArray();
            out.writeBooleanField("malformed", row.malformed());
            out.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("row " + row.number() + " not written", e);
        }
    }

    int bucket() {
        return bucket;
    }

    /** The batch's JSON; no row can be added after. */
    byte[] finish() {
        try {
            out.writeEndArray();
            out.writeEndObject();
            out.close();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("row batch not written", e);
        } finally {
            bytes.release();
        }
    }
}

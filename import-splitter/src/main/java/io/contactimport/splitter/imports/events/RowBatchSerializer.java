package io.contactimport.splitter.imports.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactimport.contracts.batches.RowBatch;
import io.quarkus.arc.Arc;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Row batches as JSON, with the application's ObjectMapper like Quarkus's default serializer, but written by {@code writeValueAsBytes} into pooled
 * segments rather than a {@code ByteArrayOutputStream} that doubles from 32 bytes: batches are megabytes, and
 * those copies were the splitter's largest allocation (BENCHMARKS.md).
 */
public class RowBatchSerializer implements Serializer<RowBatch> {

    private final ObjectMapper json = Arc.container().instance(ObjectMapper.class).get();

    @Override
    public byte[] serialize(String topic, RowBatch batch) {
        if (batch == null) {
            return null;
        }
        try {
            return json.writeValueAsBytes(batch);
        } catch (JsonProcessingException e) {
            throw new SerializationException("row batch " + batch.id() + " could not be written as JSON", e);
        }
    }
}

package io.contactimport.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactimport.contracts.golden.GoldenSample;
import jakarta.inject.Inject;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every producer and consumer of an event proves against contracts' golden samples, with the JSON mapper its
 * Kafka serialisers use (Quarkus's, as the service configures it): it reads the events it consumes as the samples
 * have them, and writes the events it produces exactly as the samples are. A module's test extends it as a
 * {@code @QuarkusTest}, naming its samples.
 */
public abstract class WireFormatContract {

    @Inject
    ObjectMapper serviceMapper;

    private final ObjectMapper wire = GoldenSample.wireMapper();

    /** The events this service reads from Kafka. */
    protected abstract Set<GoldenSample> consumed();

    /** The events this service writes to Kafka. */
    protected abstract Set<GoldenSample> produced();

    @Test
    void readsTheEventsItConsumesAsTheGoldenSamplesHaveThem() {
        for (GoldenSample sample : consumed()) {
            assertEquals(sample.read(wire, sample.type()), sample.read(serviceMapper, sample.type()), sample.name());
        }
    }

    @Test
    void writesTheEventsItProducesExactlyAsTheGoldenSamplesAre() throws Exception {
        for (GoldenSample sample : produced()) {
            Object event = sample.read(wire, sample.type());
            assertEquals(wire.readTree(sample.json()), wire.readTree(serviceMapper.writeValueAsString(event)),
                    sample.name());
        }
    }
}

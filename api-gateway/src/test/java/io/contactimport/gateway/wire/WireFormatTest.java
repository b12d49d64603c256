package io.contactimport.gateway.wire;

import io.contactimport.contracts.golden.GoldenSample;
import io.contactimport.testing.LocalStackResource;
import io.contactimport.testing.WireFormatContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;

/** api-gateway against contracts' golden samples of the events it reads and writes. */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class WireFormatTest extends WireFormatContract {

    @Override
    protected Set<GoldenSample> consumed() {
        return Set.of(GoldenSample.IMPORT_CREATED, GoldenSample.IMPORT_COMPLETED, GoldenSample.IMPORT_FAILED,
                GoldenSample.IMPORT_CANCELED);
    }

    @Override
    protected Set<GoldenSample> produced() {
        return Set.of(GoldenSample.IMPORT_REQUESTED);
    }
}

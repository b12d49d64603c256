package io.contactimport.statusprojector.wire;

import io.contactimport.contracts.golden.GoldenSample;
import io.contactimport.testing.LocalStackResource;
import io.contactimport.testing.WireFormatContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;

/** status-projector against contracts' golden samples of the events it reads and writes. */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class WireFormatTest extends WireFormatContract {

    @Override
    protected Set<GoldenSample> consumed() {
        return Set.of(GoldenSample.IMPORT_REQUESTED, GoldenSample.IMPORT_SPLIT, GoldenSample.IMPORT_SPLIT_FAILED,
                GoldenSample.ROW_BATCH_PROCESSED);
    }

    @Override
    protected Set<GoldenSample> produced() {
        return Set.of(GoldenSample.IMPORT_ADMITTED, GoldenSample.IMPORT_CREATED, GoldenSample.IMPORT_COMPLETED,
                GoldenSample.IMPORT_FAILED, GoldenSample.IMPORT_CANCELED);
    }
}

package io.contactimport.rowprocessor.wire;

import io.contactimport.contracts.golden.GoldenSample;
import io.contactimport.testing.LocalStackResource;
import io.contactimport.testing.WireFormatContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;

/** row-processor against contracts' golden samples of the events it reads and writes. */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class WireFormatTest extends WireFormatContract {

    @Override
    protected Set<GoldenSample> consumed() {
        return Set.of(GoldenSample.ROW_BATCH, GoldenSample.IMPORT_CANCELED, GoldenSample.IMPORT_FAILED);
    }

    @Override
    protected Set<GoldenSample> produced() {
        return Set.of(GoldenSample.ROW_BATCH_PROCESSED, GoldenSample.CONTACT_CREATED, GoldenSample.CONTACT_UPDATED,
                GoldenSample.CONTACT_DELETED);
    }
}

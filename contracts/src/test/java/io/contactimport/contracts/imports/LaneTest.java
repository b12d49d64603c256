package io.contactimport.contracts.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LaneTest {

    @Test
    void filesUpToTheLimitTakeTheExpressLane() {
        assertEquals(Lane.EXPRESS, Lane.of(2_097_152, 2_097_152));
        assertEquals(Lane.BULK, Lane.of(2_097_153, 2_097_152));
    }

    @Test
    void aLaneIsStoredByItsName() {
        for (Lane lane : Lane.values()) {
            assertEquals(lane, Lane.ofDbValue(lane.dbValue()));
        }
    }
}

package io.contactimport.gateway.imports.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.contactimport.contracts.imports.ImportStatusChanged;
import io.contactimport.contracts.imports.ImportStatusChanged.Counts;
import io.contactimport.contracts.imports.ImportStatusChanged.Status;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LiveImportsTest {

    private final LiveImports live = new LiveImports();
    private final UUID team = UUID.randomUUID();
    private final UUID importId = UUID.randomUUID();

    private ImportStatusChanged event(Status status, long created) {
        return new ImportStatusChanged(ImportStatusChanged.OBJECT, importId, team, status, "2026-12-03 09:15:02.123+00",
                null, new Counts(100, created, 0, 0, 0), "people.csv", 4000L, "upsert", null, List.of(), List.of(),
                null);
    }

    @Test
    void answersWithTheLatestViewWithoutTheTeamId() {
        live.announced(event(Status.IN_PROGRESS, 10));
        live.announced(event(Status.IN_PROGRESS, 20));
        ImportStatusChanged view = live.find(team, importId).orElseThrow();
        assertEquals(20, view.counts().created());
        assertNull(view.teamId());
    }

    @Test
    void aLateOrRepeatedEventNeverTakesTheViewBack() {
        live.announced(event(Status.IN_PROGRESS, 50));
        live.announced(event(Status.COMPLETED, 100));
        live.announced(event(Status.IN_PROGRESS, 60));
        live.announced(event(Status.QUEUED, 0));
        ImportStatusChanged view = live.find(team, importId).orElseThrow();
        assertEquals(Status.COMPLETED, view.status());
        assertEquals(100, view.counts().created());
    }

    @Test
    void anotherTeamOrAnUnknownImportIsNotAnsweredFromHere() {
        live.announced(event(Status.IN_PROGRESS, 10));
        assertTrue(live.find(UUID.randomUUID(), importId).isEmpty());
        assertTrue(live.find(team, UUID.randomUUID()).isEmpty());
    }

    @Test
    void aCanceledImportIsReadFromTheProjectorFromThenOn() {
        live.announced(event(Status.IN_PROGRESS, 10));
        live.bypass(importId);
        live.announced(event(Status.IN_PROGRESS, 20));
        assertTrue(live.find(team, importId).isEmpty());
    }
}

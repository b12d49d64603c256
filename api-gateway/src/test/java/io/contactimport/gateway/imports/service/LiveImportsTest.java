package io.contactimport.gateway.imports.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LiveImportsTest {

    private final LiveImports live = new LiveImports();
    private final UUID team = UUID.randomUUID();
    private final UUID importId = UUID.randomUUID();

    private JsonObject event(String status, long created) {
        return new JsonObject().put("object", "contact_import").put("id", importId.toString()).put("status", status)
                .put("team_id", team.toString())
                .put("counts", new JsonObject().put("total", 100).put("created", created).put("updated", 0)
                        .put("skipped", 0).put("failed", 0));
    }

    @Test
    void answersWithTheLatestViewWithoutTheTeamId() {
        live.announced(event("in_progress", 10));
        live.announced(event("in_progress", 20));
        JsonObject view = live.find(team, importId).orElseThrow();
        assertEquals(20, view.getJsonObject("counts").getLong("created"));
        assertFalse(view.containsKey("team_id"));
    }

    @Test
    void aLateOrRepeatedEventNeverTakesTheViewBack() {
        live.announced(event("in_progress", 50));
        live.announced(event("completed", 100));
        live.announced(event("in_progress", 60));
        live.announced(event("queued", 0));
        JsonObject view = live.find(team, importId).orElseThrow();
        assertEquals("completed", view.getString("status"));
        assertEquals(100, view.getJsonObject("counts").getLong("created"));
    }

    @Test
    void anotherTeamOrAnUnknownImportIsNotAnsweredFromHere() {
        live.announced(event("in_progress", 10));
        assertTrue(live.find(UUID.randomUUID(), importId).isEmpty());
        assertTrue(live.find(team, UUID.randomUUID()).isEmpty());
    }

    @Test
    void aCanceledImportIsReadFromTheProjectorFromThenOn() {
        live.announced(event("in_progress", 10));
        live.bypass(importId);
        live.announced(event("in_progress", 20));
        assertTrue(live.find(team, importId).isEmpty());
    }
}

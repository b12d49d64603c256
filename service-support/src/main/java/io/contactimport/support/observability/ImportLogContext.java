package io.contactimport.support.observability;

import java.util.UUID;
import org.jboss.logging.MDC;

/**
 * Names the import (and its team) that the current work is for, so every log line written for it carries
 * {@code import_id} and {@code team_id} (beside OpenTelemetry's {@code traceId}). On a Vert.x thread Quarkus keeps the
 * MDC on the message's or request's own context, so the names follow the work across threads and end with it.
 */
public final class ImportLogContext {

    public static final String IMPORT_ID = "import_id";
    public static final String TEAM_ID = "team_id";

    private ImportLogContext() {
    }

    public static void enter(UUID importId, UUID teamId) {
        enterImport(importId);
        enterTeam(teamId);
    }

    public static void enterImport(Object importId) {
        if (importId != null) {
            MDC.put(IMPORT_ID, importId.toString());
        }
    }

    public static void enterTeam(Object teamId) {
        if (teamId != null) {
            MDC.put(TEAM_ID, teamId.toString());
        }
    }
}

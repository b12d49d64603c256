package io.contactimport.statusprojector.imports.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactimport.contracts.imports.ImportAdmitted;
import io.contactimport.contracts.imports.ImportRequested;
import io.contactimport.statusprojector.imports.events.ImportAdmissionPublisher;
import io.contactimport.statusprojector.imports.repository.ImportAdmissions;
import io.contactimport.statusprojector.imports.repository.ImportAdmissions.Admission;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Announces admissions from what is stored, after their commit: each once Kafka has it, marked as announced. One a
 * crash or a broker outage kept back goes out with the team's next event, or from the sweeper; a crash between the
 * send and the mark sends it again, which the splitter's re-split and the row-processors' ledger make harmless.
 */
@ApplicationScoped
public class AdmissionAnnouncements {

    private static final Logger LOG = Logger.getLogger(AdmissionAnnouncements.class);

    private final ImportAdmissions admissions;
    private final ImportAdmissionPublisher publisher;
    private final ObjectMapper json;

    public AdmissionAnnouncements(ImportAdmissions admissions, ImportAdmissionPublisher publisher, ObjectMapper json) {
        this.admissions = admissions;
        this.publisher = publisher;
        this.json = json;
    }

    /** The request as it is kept with the import, to be announced when the import is admitted. */
    public String keep(ImportRequested request) {
        try {
            return json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Uni<Void> announce(UUID teamId) {
        return admissions.unannounced(teamId).chain(this::announce);
    }

    private Uni<Void> announce(List<Admission> due) {
        return Multi.createFrom().iterable(due)
                .onItem().transformToUniAndConcatenate(admission -> publisher.publish(admitted(admission))
                        .chain(() -> admissions.markAnnounced(admission.importId())))
                .collect().last().replaceWithVoid();
    }

    private ImportAdmitted admitted(Admission admission) {
        try {
            return new ImportAdmitted(json.readValue(admission.request(), ImportRequested.class), admission.lane(),
                    admission.admittedAt());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Announces the admissions events could not (a send that failed, a crash before the mark). */
    @Scheduled(every = "15s", delayed = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> announceWhatIsBehind() {
        return admissions.unannounced(100).chain(this::announce)
                .onFailure().invoke(e -> LOG.warnf("announcing admissions failed, will retry: %s", e))
                .onFailure().recoverWithNull();
    }
}

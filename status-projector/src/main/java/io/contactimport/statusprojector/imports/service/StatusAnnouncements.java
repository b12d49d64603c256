package io.contactimport.statusprojector.imports.service;

import io.contactimport.statusprojector.imports.events.ImportStatusPublisher;
import io.contactimport.statusprojector.imports.repository.ImportAnnouncements;
import io.contactimport.statusprojector.imports.repository.ImportAnnouncements.State;
import io.contactimport.statusprojector.imports.repository.ImportQueries;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * What contact-imports.status says of an import, derived from its stored status and what was announced of it: each
 * status once ({@code created} first, then the status it has reached), marked as announced once Kafka has it; else
 * the counts, when they moved. A status committed but not sent (a crash, a broker outage) goes out with the import's
 * next event, or from the sweeper; a crash between the send and the mark sends it again, with the same event id.
 */
@ApplicationScoped
public class StatusAnnouncements {

    private static final Logger LOG = Logger.getLogger(StatusAnnouncements.class);
    private static final List<String> ORDER = List.of("created", "in_progress", "completed");

    private final ImportAnnouncements announcements;
    private final ImportQueries queries;
    private final ImportStatusPublisher publisher;

    public StatusAnnouncements(ImportAnnouncements announcements, ImportQueries queries,
                               ImportStatusPublisher publisher) {
        this.announcements = announcements;
        this.queries = queries;
        this.publisher = publisher;
    }

    /** @param countsMoved the event changed the counts or the total: say so when no status is due */
    public Uni<Void> announce(UUID teamId, UUID importId, boolean countsMoved) {
        return announcements.find(importId).chain(state -> {
            if (state.isEmpty()) {
                return Uni.createFrom().voidItem();  // not requested yet: its ImportRequested announces it
            }
            List<String> due = due(state.get().announced(), state.get().status());
            if (due.isEmpty() && !countsMoved) {
                return Uni.createFrom().voidItem();
            }
            return queries.find(teamId, importId).chain(view -> {
                if (view.isEmpty()) {
                    return Uni.createFrom().voidItem();
                }
                if (due.isEmpty()) {
                    return publisher.publishProgress(view.get());
                }
                Uni<Void> sent = Uni.createFrom().voidItem();
                for (String type : due) {
                    sent = sent.chain(() -> publisher.publishStatus(view.get(), type))
                            .chain(() -> announcements.markAnnounced(importId, type));
                }
                return sent;
            });
        });
    }

    /** The statuses still to announce, in order: {@code created} once, then the status reached if further. */
    static List<String> due(String announced, String status) {
        String reached = status.equals("queued") ? "created" : status;
        List<String> due = new ArrayList<>(2);
        if (announced == null) {
            due.add("created");
        }
        if (!reached.equals("created") && rank(announced) < rank(reached)) {
            due.add(reached);
        }
        return due;
    }

    private static int rank(String type) {
        return type == null ? -1 : type.equals("failed") ? 2 : ORDER.indexOf(type);
    }

    /** Announces what events could not: a cancellation whose send failed, a status whose import has no next event. */
    @Scheduled(every = "15s", delayed = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> announceWhatIsBehind() {
        return announcements.behind(100).onItem().transformToMulti(Multi.createFrom()::iterable)
                .onItem().transformToUniAndConcatenate((State state) -> announce(state.teamId(), state.importId(),
                        false))
                .collect().last().replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("announcing imports' statuses failed, will retry: %s", e))
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}

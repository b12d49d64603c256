package io.contactimport.contracts.imports;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.contactimport.contracts.api.ApiTimestamps;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The data of a {@code contact-imports.status} CloudEvent ({@code ce_type} {@code contact_import.created},
 * {@code .in_progress}, {@code .progress}, {@code .completed} or {@code .failed}): the import object as
 * {@code GET /contacts/imports/{id}} answers it, and the team it belongs to.
 *
 * <p>The API answers the same object {@link #withoutTeam() without its team}. Both {@code team_id} and
 * {@code error} are left out of the JSON when null: an import that has not failed has no {@code error} at all, as
 * in Resend's API, rather than {@code "error": null}.
 *
 * @param createdAt   as the API writes times ({@link ApiTimestamps})
 * @param completedAt when it completed or failed; null before
 * @param fileSize    null only for imports stored before file sizes were
 * @param onConflict  {@link OnConflict#apiValue()}
 * @param columnMap   the map the import used, as the API takes it; null when the import has none stored
 */
public record ImportStatusChanged(String object, UUID id, @JsonInclude(JsonInclude.Include.NON_NULL) UUID teamId,
                                  Status status, String createdAt, String completedAt, Counts counts,
                                  String fileName, Long fileSize, String onConflict, MappedColumns columnMap,
                                  List<SegmentRef> segments, List<TopicRef> topics,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) Failure error) {

    /** The {@code object} of every import. */
    public static final String OBJECT = "contact_import";

    public ImportStatusChanged {
        segments = segments == null ? List.of() : List.copyOf(segments);
        topics = topics == null ? List.of() : List.copyOf(topics);
    }

    /** The import as it is once requested, before anything of it was counted. */
    public static ImportStatusChanged requested(ImportRequested event) {
        return new ImportStatusChanged(OBJECT, event.importId(), event.teamId(), Status.QUEUED,
                ApiTimestamps.format(event.requestedAt()), null, Counts.NONE, event.fileName(), event.fileSize(),
                event.onConflict().apiValue(), event.columnMap() == null ? null : MappedColumns.of(event.columnMap()),
                event.segmentIds().stream().map(SegmentRef::new).toList(),
                event.topics().stream().map(TopicRef::of).toList(), null);
    }

    /** The import object as the API answers it: the caller's team is implied. */
    public ImportStatusChanged withoutTeam() {
        return new ImportStatusChanged(object, id, null, status, createdAt, completedAt, counts, fileName, fileSize,
                onConflict, columnMap, segments, topics, error);
    }

    /** It failed because it was canceled (and not for a reason of its own first). */
    public boolean canceled() {
        return status == Status.FAILED && error != null && Failure.CANCELED.name().equals(error.name());
    }

    public enum Status {
        @JsonProperty("queued") QUEUED,
        @JsonProperty("in_progress") IN_PROGRESS,
        @JsonProperty("completed") COMPLETED,
        @JsonProperty("failed") FAILED;

        /** As the API and the {@code ce_type} write it: {@code in_progress}. */
        public String apiValue() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Status fromApiValue(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    /** @param total rows in the file once it was split; until then the rows processed */
    public record Counts(long total, long created, long updated, long skipped, long failed) {

        public static final Counts NONE = new Counts(0, 0, 0, 0, 0);

        /** Rows applied so far, whatever their outcome. */
        public long processed() {
            return created + updated + skipped + failed;
        }
    }

    /** Why a failed import failed; {@link #CANCELED} when a person stopped it. */
    public record Failure(String name, String message) {

        public static final Failure CANCELED = new Failure("canceled", "The import was canceled.");
    }

    /** A column map as the API takes it: snake_case keys, lower-case types, {@code format} for day/month dates. */
    public record MappedColumns(String email, String firstName, String lastName, String unsubscribed,
                                Map<String, MappedProperty> properties) {

        public MappedColumns {
            properties = properties == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        }

        public static MappedColumns of(ColumnMap map) {
            Map<String, MappedProperty> properties = new LinkedHashMap<>();
            map.properties().forEach((key, column) -> properties.put(key, new MappedProperty(column.column(),
                    column.type().apiValue(), column.dateOrder() == null ? null : column.dateOrder().apiValue())));
            return new MappedColumns(map.email(), map.firstName(), map.lastName(), map.unsubscribed(), properties);
        }
    }

    /** @param format {@link DateOrder#apiValue()} of a day/month date column, else absent */
    public record MappedProperty(String column, String type,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) String format) {
    }

    public record SegmentRef(UUID id) {
    }

    /** @param subscription {@code opt_in} or {@code opt_out} */
    public record TopicRef(UUID id, String subscription) {

        public static TopicRef of(TopicSubscription topic) {
            return new TopicRef(topic.id(), topic.optIn() ? "opt_in" : "opt_out");
        }
    }
}

package io.contactimport.propertyservice.suggestions.rest;

import io.contactimport.propertyservice.suggestions.service.SampledFile;
import io.contactimport.propertyservice.suggestions.service.SuggestionService;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestPath;

/** Column suggestions behind the gateway's {@code POST /contacts/imports/suggestions}, and confirmed mappings. */
@Path("/internal/teams/{teamId}")
public class SuggestionResource {

    private static final int PREVIEW_ROWS = 5;

    private final SuggestionService service;

    public SuggestionResource(SuggestionService service) {
        this.service = service;
    }

    /** The body is the file, or its first bytes. */
    @POST
    @Path("/column-suggestions")
    @Consumes(MediaType.WILDCARD)
    public Uni<JsonObject> suggest(@RestPath UUID teamId, byte[] file) {
        SampledFile sample = SampledFile.read(new ByteArrayInputStream(file));
        return service.suggest(teamId, sample).map(suggestions -> {
            JsonArray columns = new JsonArray();
            suggestions.columns().forEach(column -> columns.add(new JsonObject().put("header", column.header())
                    .put("target", column.target()).put("key", column.key()).put("type", column.type())
                    .put("format", column.format()).put("confidence", Math.round(column.confidence() * 100) / 100.0)
                    .put("reason", column.reason())));
            return new JsonObject().put("object", "column_suggestions").put("encoding", sample.encoding())
                    .put("delimiter", sample.delimiter()).put("header", new JsonArray(sample.header()))
                    .put("sample_rows", new JsonArray(sample.rows().subList(0, Math.min(PREVIEW_ROWS, sample.rows().size()))
                            .stream().map(JsonArray::new).toList()))
                    .put("columns", columns).put("column_map", suggestions.columnMap());
        });
    }

    /** {@code {"header": [...], "column_map": {...}, "not_imported": [...]}}: what the team decided for a file. */
    @PUT
    @Path("/mapping-history")
    public Uni<Void> confirm(@RestPath UUID teamId, JsonObject confirmed) {
        List<String> header = confirmed.getJsonArray("header", new JsonArray()).stream().map(String::valueOf).toList();
        List<String> notImported = confirmed.getJsonArray("not_imported", new JsonArray()).stream()
                .map(String::valueOf).toList();
        return service.confirm(teamId, header, confirmed.getJsonObject("column_map", new JsonObject()), notImported);
    }
}

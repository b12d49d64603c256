package io.contactimport.gateway.imports.rest;

import io.contactimport.contracts.api.ApiException;
import io.contactimport.support.rest.PageRequest;
import io.contactimport.gateway.auth.ApiKeyFilter;
import io.contactimport.gateway.clients.RowProcessorClient;
import io.contactimport.gateway.imports.repository.ImportRequests;
import io.contactimport.gateway.imports.service.ErrorsCsv;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * {@code GET /contacts/imports/{id}/errors}: every failed row, as JSON pages or ({@code ?format=csv}) as one CSV
 * streamed page by page, ready to fix and import again.
 */
@Path("/contacts/imports/{id}/errors")
public class ImportErrorsResource {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int CSV_PAGE = 5_000;

    private final ImportRequests requests;
    private final RowProcessorClient rowProcessor;

    public ImportErrorsResource(ImportRequests requests, @RestClient RowProcessorClient rowProcessor) {
        this.requests = requests;
        this.rowProcessor = rowProcessor;
    }

    @Operation(summary = "The failed rows of an import: JSON pages, or ?format=csv to fix and import again")
    @GET
    @Blocking
    public Response errors(@Context ContainerRequestContext context, @RestPath String id, @RestQuery String format,
                           @RestQuery String limit, @RestQuery String after) {
        UUID team = ApiKeyFilter.team(context);
        UUID importId = existingImport(team, id);
        if ("csv".equals(format)) {
            return Response.ok(csv(team, importId), "text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"import-" + importId + "-errors.csv\"")
                    .build();
        }
        if (format != null && !format.equals("json")) {
            throw ApiException.validation("`format` must be `json` or `csv`.");
        }
        JsonObject page = rowProcessor.failedRows(team, importId, afterRow(after), PageRequest.limit(limit, 100))
                .await().atMost(TIMEOUT);
        JsonArray data = new JsonArray();
        for (Object item : page.getJsonArray("data")) {
            JsonObject row = ((JsonObject) item).copy();
            row.remove("cells");
            data.add(row);
        }
        return Response.ok(new JsonObject().put("object", "list").put("has_more", page.getBoolean("has_more"))
                .put("data", data), MediaType.APPLICATION_JSON).build();
    }

    private StreamingOutput csv(UUID team, UUID importId) {
        return output -> {
            Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 64 * 1024);
            long after = 0;
            boolean first = true;
            boolean more = true;
            while (more) {
                JsonObject page = rowProcessor.failedRows(team, importId, after, CSV_PAGE).await().atMost(TIMEOUT);
                List<String> header = strings(page.getJsonArray("header"));
                if (first) {
                    ErrorsCsv.writeRow(out, header, header.size(), "error");
                    first = false;
                }
                for (Object item : page.getJsonArray("data")) {
                    JsonObject row = (JsonObject) item;
                    ErrorsCsv.writeRow(out, strings(row.getJsonArray("cells")), header.size(), row.getString("message"));
                    after = row.getLong("row");
                }
                more = page.getBoolean("has_more");
            }
            out.flush();
        };
    }

    private UUID existingImport(UUID team, String id) {
        try {
            UUID importId = UUID.fromString(id);
            if (requests.find(team, importId).await().atMost(TIMEOUT).isPresent()) {
                return importId;
            }
        } catch (IllegalArgumentException e) {
            // not an id: not found either
        }
        throw ApiException.notFound("Contact import not found");
    }

    private static long afterRow(String after) {
        if (after == null || after.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(after.trim());
        } catch (NumberFormatException e) {
            throw ApiException.validation("`after` must be a row number.");
        }
    }

    private static List<String> strings(JsonArray array) {
        List<String> strings = new ArrayList<>(array.size());
        array.forEach(value -> strings.add((String) value));
        return strings;
    }
}

package io.contactimport.gateway.imports.rest;

import io.contactimport.contracts.api.ApiError;
import io.contactimport.contracts.api.ApiException;
import io.contactimport.support.rest.PageRequest;
import io.contactimport.contracts.imports.ImportStatusChanged;
import io.contactimport.gateway.auth.ApiKeyFilter;
import io.contactimport.gateway.clients.StatusProjectorClient;
import io.contactimport.gateway.common.RequestLimits;
import io.contactimport.gateway.idempotency.service.Idempotency;
import io.contactimport.gateway.imports.repository.ImportRequests;
import io.contactimport.gateway.imports.service.ImportRequestService;
import io.contactimport.gateway.imports.service.LiveImports;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** {@code /contacts/imports}: validates the request's shape and delegates. */
@Path("/contacts/imports")
@Produces(MediaType.APPLICATION_JSON)
public class ContactImportResource {

    private static final Set<String> STATUSES = Set.of("queued", "in_progress", "completed", "failed");

    private final ImportRequestService imports;
    private final ImportRequests requests;
    private final StatusProjectorClient status;
    private final Idempotency idempotency;
    private final LiveImports live;
    private final RequestLimits limits;

    public ContactImportResource(ImportRequestService imports, ImportRequests requests,
                                 @RestClient StatusProjectorClient status, Idempotency idempotency, LiveImports live,
                                 RequestLimits limits) {
        this.imports = imports;
        this.requests = requests;
        this.status = status;
        this.idempotency = idempotency;
        this.live = live;
        this.limits = limits;
    }

    /**
     * Honours {@code Idempotency-Key}: the same request (fields and file content) answers as the first did.
     *
     * <p>{@code column_map}, {@code segments} and {@code topics} are read as parts spooled to disk like the file, not
     * as in-memory form attributes: a wide CRM export's map is hundreds of KB, and a part over the field limit is
     * refused by name.
     */
    @Operation(summary = "Create a contact import from a CSV file (multipart: file, column_map, on_conflict, segments, "
            + "topics; not_imported: headers a person chose not to import, remembered for the next suggestions)")
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Blocking
    public Response create(@Context ContainerRequestContext context, @RestForm("file") FileUpload file,
                           @RestForm("column_map") @Schema(type = SchemaType.STRING, format = "json") FileUpload columnMap,
                           @RestForm("on_conflict") String onConflict,
                           @RestForm("segments") @Schema(type = SchemaType.STRING, format = "json") FileUpload segments,
                           @RestForm("topics") @Schema(type = SchemaType.STRING, format = "json") FileUpload topics,
                           @RestForm("not_imported") @Schema(type = SchemaType.STRING, format = "json")
                           FileUpload notImported) {
        UUID team = ApiKeyFilter.team(context);
        ImportRequestService.CreateImport request = new ImportRequestService.CreateImport(
                file == null ? null : file.uploadedFile(), file == null ? null : file.fileName(),
                text(columnMap, "column_map"), onConflict, text(segments, "segments"), text(topics, "topics"),
                text(notImported, "not_imported"));
        String key = context.getHeaderString(Idempotency.HEADER);
        return idempotency.run(team, key, key == null ? null : imports.fingerprint(request),
                        () -> Uni.createFrom().item(() -> created(imports.create(team, request)))
                                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .await().indefinitely();
    }

    /** A text field's value (UTF-8 unless its part names a charset), or 413 naming it when over the limit. */
    private String text(FileUpload part, String field) {
        if (part == null) {
            return null;
        }
        if (part.size() > limits.formFieldSize().asLongValue()) {
            throw new ApiException(new ApiError(413, "validation_error", "`" + field + "` is larger than the limit of "
                    + RequestLimits.readable(limits.formFieldSize()) + "."));
        }
        try {
            return Files.readString(part.uploadedFile(), charsetOf(part));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Charset charsetOf(FileUpload part) {
        String type = part.contentType();
        try {
            return type == null ? StandardCharsets.UTF_8
                    : Charset.forName(MediaType.valueOf(type).getParameters().getOrDefault("charset", "UTF-8"));
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static Response created(UUID importId) {
        return Response.status(201).entity(Map.of("object", "contact_import", "id", importId.toString())).build();
    }

    @Operation(summary = "Get an import: status and live counts")
    @GET
    @Path("/{id}")
    public Uni<Response> get(@Context ContainerRequestContext context, @RestPath String id) {
        UUID team = ApiKeyFilter.team(context);
        UUID importId = parseId(id);
        Optional<ImportStatusChanged> announced = live.find(team, importId);
        if (announced.isPresent()) {
            return Uni.createFrom().item(Response.ok(announced.get()).build());
        }
        return passThrough(status.get(team, importId)).chain(response -> response.getStatus() != 404
                ? Uni.createFrom().item(response)
                // Accepted, but the projector has not seen it yet: it is queued, with nothing counted.
                : requests.findRequested(team, importId).map(stored -> stored
                        .map(request -> Response.ok(ImportStatusChanged.requested(request).withoutTeam()).build())
                        .orElseThrow(ContactImportResource::notFound)));
    }

    /** Stops a queued or in-progress import: rows already applied stay, no further row is applied. */
    @Operation(summary = "Cancel a queued or in-progress import")
    @POST
    @Path("/{id}/cancel")
    public Uni<Response> cancel(@Context ContainerRequestContext context, @RestPath String id) {
        UUID team = ApiKeyFilter.team(context);
        UUID importId = parseId(id);
        return requests.find(team, importId).chain(stored -> {
            if (stored.isEmpty()) {
                throw notFound();
            }
            live.bypass(importId);
            return passThrough(status.cancel(team, importId));
        });
    }

    @Operation(summary = "List imports, newest first, optionally by status")
    @GET
    public Uni<Response> list(@Context ContainerRequestContext context, @RestQuery String limit,
                              @RestQuery String after, @RestQuery String before, @RestQuery("status") String filter) {
        PageRequest page = PageRequest.of(limit, after, before, 10);
        if (filter != null && !STATUSES.contains(filter)) {
            throw ApiException.validation("`status` must be one of queued, in_progress, completed, failed.");
        }
        return passThrough(status.list(ApiKeyFilter.team(context), filter, page.limit(), page.after(), page.before()));
    }

    /** The owning service's answer as it is, error statuses included (they are in the API's error format). */
    private static Uni<Response> passThrough(Uni<Response> call) {
        return call.onFailure(WebApplicationException.class)
                .recoverWithItem(e -> ((WebApplicationException) e).getResponse());
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
    }

    private static ApiException notFound() {
        return ApiException.notFound("Contact import not found");
    }
}

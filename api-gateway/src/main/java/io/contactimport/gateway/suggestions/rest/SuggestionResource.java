package io.contactimport.gateway.suggestions.rest;

import io.contactimport.contracts.api.ApiException;
import io.contactimport.gateway.auth.ApiKeyFilter;
import io.contactimport.gateway.clients.PropertyServiceClient;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * {@code POST /contacts/imports/suggestions}: the file (or its first bytes) in, the detected encoding, delimiter,
 * header and first rows, and a suggested mapping per column out. Only the start of the file is read and sent on.
 */
@Path("/contacts/imports/suggestions")
@Produces(MediaType.APPLICATION_JSON)
public class SuggestionResource {

    /** Enough for the header and the sampled rows of any sensible file. */
    static final int SAMPLE_BYTES = 256 * 1024;

    private final PropertyServiceClient properties;

    public SuggestionResource(@RestClient PropertyServiceClient properties) {
        this.properties = properties;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Blocking
    @Operation(summary = "Suggest a column_map for a CSV: per column a target, a confidence and the reason")
    public Uni<Response> suggest(@Context ContainerRequestContext context, @RestForm("file") FileUpload file) {
        if (file == null) {
            throw ApiException.validation("Missing `file` field: attach the CSV (or its first bytes) as a multipart part named `file`.");
        }
        byte[] firstBytes;
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            firstBytes = in.readNBytes(SAMPLE_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (firstBytes.length == 0) {
            throw ApiException.validation("The file is empty.");
        }
        return properties.suggest(ApiKeyFilter.team(context), firstBytes)
                .onFailure(WebApplicationException.class)
                .recoverWithItem(e -> ((WebApplicationException) e).getResponse());
    }
}

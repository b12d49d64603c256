package io.contactimport.gateway.routing.service;

import io.contactimport.contracts.api.ApiError;
import io.contactimport.support.internal.ServiceCredential;
import io.contactimport.support.rest.ApiErrorResponses;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Passes a public API call to the service that owns its data, under {@code /internal/teams/{team}}: the owner
 * applies the rules and answers in the API's format, which goes back to the client unchanged.
 */
@ApplicationScoped
public class OwnerProxy {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** The owners of the public paths the gateway routes rather than serves itself. */
    public enum Owner { ROW_PROCESSOR, PROPERTY_SERVICE }

    private final HttpClient client;
    private final URI rowProcessor;
    private final URI propertyService;
    private final String serviceToken;

    public OwnerProxy(Vertx vertx, @ConfigProperty(name = "quarkus.rest-client.row-processor.url") URI rowProcessor,
                      @ConfigProperty(name = "quarkus.rest-client.property-service.url") URI propertyService,
                      @ConfigProperty(name = ServiceCredential.PROPERTY) String serviceToken) {
        this.client = vertx.createHttpClient();
        this.rowProcessor = rowProcessor;
        this.propertyService = propertyService;
        this.serviceToken = serviceToken;
    }

    /**
     * @param path the public path as received (still percent-encoded, so an email with {@code +} or {@code /}
     *             reaches the owner exactly as the client wrote it)
     */
    public Uni<Response> forward(Owner owner, String method, UUID teamId, String path, String query,
                                 String contentType, byte[] body) {
        URI base = owner == Owner.ROW_PROCESSOR ? rowProcessor : propertyService;
        String uri = "/internal/teams/" + teamId + path + (query == null ? "" : "?" + query);
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.valueOf(method))
                .setHost(base.getHost()).setPort(base.getPort()).setURI(uri).setTimeout(TIMEOUT.toMillis())
                .putHeader(ServiceCredential.HEADER, serviceToken);
        if (contentType != null || body != null && body.length > 0) {
            // Also for an empty body: official clients send Content-Type: application/json with none, and the owner
            // reads it as an empty object (a missing field is named), not as an unsupported media type.
            options.putHeader("Content-Type", contentType == null ? MediaType.APPLICATION_JSON : contentType);
        }
        return client.request(options)
                .chain(request -> body == null || body.length == 0 ? request.send() : request.send(Buffer.buffer(body)))
                .chain(response -> response.body().map(answer -> answer(response.statusCode(),
                        response.getHeader("Content-Type"), answer.getBytes())))
                .onFailure().recoverWithItem(e -> ApiErrorResponses.of(new ApiError(503, "application_error",
                        "The service that owns this data is not reachable; try again shortly.")));
    }

    /** The owner's answer; an error that is not in the API's format (a framework's 404 or 405) is put into it. */
    static Response answer(int status, String contentType, byte[] body) {
        if (status >= 400 && !isApiError(body)) {
            return ApiErrorResponses.of(switch (status) {
                case 404 -> ApiError.notFound("The requested endpoint does not exist.");
                case 405 -> new ApiError(405, "method_not_allowed", "Method is not allowed for the requested path.");
                case 400, 415 -> ApiError.validation("The request body could not be read as JSON.");
                default -> new ApiError(500, "application_error", "An unexpected error occurred.");
            });
        }
        return Response.status(status).type(contentType == null ? MediaType.APPLICATION_JSON : contentType)
                .entity(body).build();
    }

    private static boolean isApiError(byte[] body) {
        try {
            return new JsonObject(io.vertx.core.buffer.Buffer.buffer(body)).containsKey("statusCode");
        } catch (RuntimeException notJson) {
            return false;
        }
    }
}

package io.contactimport.gateway.idempotency.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactimport.contracts.api.ApiError;
import io.contactimport.contracts.api.ApiException;
import io.contactimport.support.rest.ApiErrorResponses;
import io.contactimport.gateway.idempotency.repository.IdempotencyKeys;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} (1–256 characters, kept 24 h): the same key with the same request answers what the first
 * request answered and does nothing new; with another request, 409 {@code invalid_idempotent_request}; while the
 * first is still being handled, 409 {@code concurrent_idempotent_requests}. An answer of ours that is a 5xx is not
 * kept, so a retry runs again.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";

    private final IdempotencyKeys keys;
    private final ObjectMapper json;

    public Idempotency(IdempotencyKeys keys, ObjectMapper json) {
        this.keys = keys;
        this.json = json;
    }

    /** What identifies a request: a hash of everything it asks for. */
    public static String fingerprint(String request) {
        return hex(digest().digest(request.getBytes(StandardCharsets.UTF_8)));
    }

    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    /** Runs {@code action} once per key; a request without a key just runs. */
    public Uni<Response> run(UUID teamId, String key, String fingerprint, Supplier<Uni<Response>> action) {
        if (key == null) {
            return action.get();
        }
        if (key.isEmpty() || key.length() > 256) {
            return Uni.createFrom().item(ApiErrorResponses.of(new ApiError(400, "invalid_idempotency_key",
                    "The `Idempotency-Key` header must be between 1 and 256 characters.")));
        }
        return keys.claim(teamId, key, fingerprint).chain(claimed -> claimed
                ? runClaimed(teamId, key, action)
                : keys.find(teamId, key).chain(stored -> stored.isEmpty()
                        ? run(teamId, key, fingerprint, action)
                        : Uni.createFrom().item(replay(stored.get(), fingerprint))));
    }

    private Uni<Response> runClaimed(UUID teamId, String key, Supplier<Uni<Response>> action) {
        return Uni.createFrom().deferred(action::get)
                .onFailure(ApiException.class).recoverWithItem(e -> ApiErrorResponses.of(((ApiException) e).error()))
                .chain(response -> {
                    if (response.getStatus() >= 500) {
                        return keys.release(teamId, key).replaceWith(response);
                    }
                    byte[] body = bytes(response.getEntity());
                    String type = response.getMediaType() == null ? MediaType.APPLICATION_JSON
                            : response.getMediaType().toString();
                    return keys.complete(teamId, key, response.getStatus(), type, body)
                            .replaceWith(Response.status(response.getStatus()).type(type).entity(body).build());
                })
                .onFailure().call(() -> keys.release(teamId, key));
    }

    private static Response replay(IdempotencyKeys.StoredAnswer stored, String fingerprint) {
        if (!stored.fingerprint().equals(fingerprint)) {
            return ApiErrorResponses.of(new ApiError(409, "invalid_idempotent_request",
                    "Same idempotency key used with a different request payload."));
        }
        if (stored.statusCode() == null) {
            return ApiErrorResponses.of(new ApiError(409, "concurrent_idempotent_requests",
                    "Same idempotency key used while the original request is still in progress."));
        }
        return Response.status(stored.statusCode()).type(stored.contentType()).entity(stored.body()).build();
    }

    private byte[] bytes(Object entity) {
        if (entity instanceof byte[] raw) {
            return raw;
        }
        try {
            return json.writeValueAsBytes(entity);
        } catch (Exception e) {
            throw new IllegalStateException("answer cannot be stored", e);
        }
    }
}

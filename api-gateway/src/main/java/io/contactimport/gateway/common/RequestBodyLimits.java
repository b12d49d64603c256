package io.contactimport.gateway.common;

import io.contactimport.contracts.api.ApiError;
import io.contactimport.support.rest.ApiErrorResponses;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.impl.RoutingContextInternal;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import org.jboss.resteasy.reactive.server.vertx.VertxInputStream;

/**
 * Bounds every request body, and answers every request refused below the REST layer in the API's error format.
 *
 * <ul>
 *   <li>A body that announces (Content-Length) more than its limit is refused before a byte of it is read.</li>
 *   <li>An upload (multipart to the import and suggestion endpoints) streams to disk through the multipart reader,
 *       which stops at the upload limit with an error the REST layer answers ({@link UploadErrors}). The stream's
 *       own cut-off, which answers with an empty body, is moved a little past that limit so it never comes first.</li>
 *   <li>Every other body is JSON, read into memory up to the JSON limit, whether or not it is chunked.</li>
 *   <li>A request that fails below the REST layer (an over-size chunked JSON body, say) gets the API's JSON.</li>
 * </ul>
 */
public class RequestBodyLimits {

    /** Upload paths: their bodies may be as large as the upload limit. */
    private static final Set<String> UPLOAD_PATHS = Set.of("/contacts/imports", "/contacts/imports/suggestions");
    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);
    /** Room for the multipart framing (boundaries, part headers) around the bytes the reader counts. */
    private static final long MULTIPART_FRAMING = 1 << 20;

    void install(@Observes Router router, RequestLimits limits) {
        long uploadBytes = limits.uploadSize().asLongValue();
        long jsonBytes = limits.jsonBodySize().asLongValue();
        ApiError uploadTooLarge = new ApiError(413, "validation_error",
                "The upload is larger than the limit of " + RequestLimits.readable(limits.uploadSize()) + ".");
        ApiError jsonTooLarge = new ApiError(413, "validation_error",
                "The request body is larger than the limit of " + RequestLimits.readable(limits.jsonBodySize()) + ".");

        router.route().order(Integer.MIN_VALUE).handler(context -> {
            boolean upload = isUpload(context.request());
            Long announced = announcedLength(context.request());
            if (announced != null && announced > (upload ? uploadBytes : jsonBytes)) {
                refuse(context, upload ? uploadTooLarge : jsonTooLarge);
            } else {
                context.next();
            }
        });
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1).handler(context -> {
            HttpServerRequest request = context.request();
            if (isUpload(request)) {
                if (announcedLength(request) == null) {
                    context.put(VertxInputStream.MAX_REQUEST_SIZE_KEY, uploadBytes + MULTIPART_FRAMING);
                }
                context.next();
            } else if (WITH_BODY.contains(request.method()) && !request.isEnded()) {
                readJsonBody(context, jsonBytes, jsonTooLarge);
            } else {
                context.next();
            }
        });
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
            if (context.response().ended()) {
                return;
            }
            int status = context.statusCode();
            ApiError error = status == 413 ? jsonTooLarge
                    : status > 0 ? ApiErrorResponses.ofStatus(status, "the request could not be read.")
                    : ApiErrorResponses.ofUnexpected(context.failure());
            refuse(context, error);
        });
    }

    /**
     * Reads the body into memory, refusing it once it passes the limit, and hands it to the REST layer, which reads
     * a body already read from the routing context. (Vert.x's BodyHandler leaves an empty chunked body unset, and the
     * REST layer would then wait for bytes that have all arrived.)
     */
    private static void readJsonBody(RoutingContext context, long limit, ApiError tooLarge) {
        HttpServerRequest request = context.request();
        Buffer body = Buffer.buffer();
        request.handler(chunk -> {
            if (context.response().ended()) {
                return;
            }
            if (body.length() + chunk.length() > limit) {
                refuse(context, tooLarge);
            } else {
                body.appendBuffer(chunk);
            }
        });
        request.exceptionHandler(context::fail);
        request.endHandler(ended -> {
            if (!context.response().ended()) {
                ((RoutingContextInternal) context).setBody(body);
                context.next();
            }
        });
        request.resume();
    }

    private static boolean isUpload(HttpServerRequest request) {
        String path = request.path();
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return request.method() == HttpMethod.POST && UPLOAD_PATHS.contains(path);
    }

    private static Long announcedLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? null : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Answers at once; when the body is still arriving, the connection closes after the answer. */
    private static void refuse(RoutingContext context, ApiError error) {
        HttpServerRequest request = context.request();
        if (context.response().headWritten()) {
            request.connection().close();
            return;
        }
        UploadErrors.closeAfterAnswerUnlessRead(request);
        context.response().setStatusCode(error.statusCode())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8");
        if (error.statusCode() == 503) {
            context.response().putHeader(HttpHeaders.RETRY_AFTER,
                    Integer.toString(ApiErrorResponses.RETRY_AFTER_SECONDS));
        }
        context.response().end(ApiErrorResponses.json(error));
    }
}

package io.contactimport.gateway.common;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Rejects an upload that announces a size over the limit before a byte of it is read, with the API's JSON error.
 * An upload without a length (chunked) is cut off by the HTTP layer once it passes the same size, with a bare 413.
 */
public class UploadSizeLimit {

    void install(@Observes Router router, @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        long maxBytes = limit.asLongValue();
        String readable = maxBytes >= 1 << 20 ? (maxBytes >> 20) + " MB" : maxBytes + " bytes";
        String body = "{\"statusCode\":413,\"name\":\"validation_error\",\"message\":\"The upload is larger than "
                + "the limit of " + readable + ".\"}";
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && isOver(length, maxBytes)) {
                tooLarge(context, body);
            } else {
                context.next();
            }
        });
    }

    private static void tooLarge(RoutingContext context, String body) {
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }

    private static boolean isOver(String length, long maxBytes) {
        try {
            return Long.parseLong(length.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}

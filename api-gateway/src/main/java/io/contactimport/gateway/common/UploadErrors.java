package io.contactimport.gateway.common;

import io.contactimport.contracts.api.ApiError;
import io.contactimport.support.rest.ApiErrorResponses;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.core.multipart.MultipartParser;

/**
 * What the multipart reader refuses, in the API's words: it says neither which limit a 413 is about nor what was
 * wrong with the framing, so these mappers say it (ahead of service-support's general ones). An over-size upload
 * is cut off, not drained: the connection closes after the answer.
 */
public class UploadErrors {

    private final RequestLimits limits;

    public UploadErrors(RequestLimits limits) {
        this.limits = limits;
    }

    @ServerExceptionMapper(priority = Priorities.USER - 1)
    public Response tooLarge(WebApplicationException e, HttpServerRequest request) {
        if (e.getResponse().getStatus() != 413) {
            return ApiErrorResponses.ofWebApplication(e);
        }
        closeAfterAnswerUnlessRead(request);
        String message = request.bytesRead() > limits.uploadSize().asLongValue()
                ? "The upload is larger than the limit of " + RequestLimits.readable(limits.uploadSize()) + "."
                : "A form field is larger than the limit of " + RequestLimits.readable(limits.formFieldSize())
                        + " (`column_map`, `segments` and `topics` may each be that large).";
        return ApiErrorResponses.of(new ApiError(413, "validation_error", message));
    }

    @ServerExceptionMapper(priority = Priorities.USER - 1)
    public Response malformed(MultipartParser.MalformedMessageException e) {
        return ApiErrorResponses.of(ApiError.validation("The multipart body is malformed: a part's headers could "
                + "not be read."));
    }

    /** The reader's words for a body that ended before its closing boundary; any other I/O failure is general. */
    @ServerExceptionMapper(priority = Priorities.USER - 1)
    public Response truncated(IOException e) {
        if (String.valueOf(e.getMessage()).contains("multipart")) {
            return ApiErrorResponses.of(ApiError.validation("The multipart body ended before its closing "
                    + "boundary: send the whole form, ending with --<boundary>--."));
        }
        return ApiErrorResponses.of(ApiErrorResponses.ofUnexpected(e));
    }

    /** The rest of a body still arriving is not wanted: answer, then close instead of reading it. */
    static void closeAfterAnswerUnlessRead(HttpServerRequest request) {
        if (!request.isEnded()) {
            request.response().putHeader(HttpHeaders.CONNECTION, "close")
                    .endHandler(ended -> request.connection().close());
        }
    }
}

package io.contactimport.support.faults;

import io.vertx.sqlclient.DatabaseException;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Tells a dependency that is not answering right now (PostgreSQL restarting or failing over, a broker that is
 * unavailable, an object store answering 5xx, a peer that refuses connections) from a request or a row that is wrong.
 * The first is waited out with backoff, or answered 503 with {@code Retry-After}; the second is reported.
 *
 * <p>Kafka, MinIO and Vert.x core types are recognised by name, so this class needs none of those libraries.
 */
public final class TransientFailures {

    /** SQLSTATE classes of a server that cannot serve now: connection exception, insufficient resources, system. */
    private static final Set<String> TRANSIENT_SQLSTATE_CLASSES = Set.of("08", "53", "58");
    /** Shutting down, crashed, starting; a read-only (failed-over) server; serialization failure and deadlock. */
    private static final Set<String> TRANSIENT_SQLSTATES = Set.of("57P01", "57P02", "57P03", "25006", "40001",
            "40P01");

    /** Exceptions (or subclasses of them) that always mean "not now". */
    private static final Set<String> TRANSIENT_TYPES = Set.of(
            "io.vertx.sqlclient.ClosedConnectionException",
            "io.vertx.core.http.ConnectionPoolTooBusyException",
            "io.vertx.core.impl.NoStackTraceTimeoutException",
            "org.apache.kafka.common.errors.RetriableException",
            "org.apache.kafka.common.errors.TimeoutException",
            "org.apache.kafka.common.errors.DisconnectException",
            "io.minio.errors.ServerException",
            "io.minio.errors.InternalException",
            "io.smallrye.mutiny.TimeoutException");

    /** Messages of a connection or stream cut off while in use. */
    private static final List<String> CONNECTION_LOST = List.of("connection reset", "connection was closed",
            "connection closed", "closed connection", "broken pipe", "unexpected end of stream", "premature eof");

    /** HTTP statuses of a peer (or the proxy in front of it) that is overloaded, restarting or unreachable. */
    private static final Set<Integer> TRANSIENT_STATUSES = Set.of(502, 503, 504);

    private TransientFailures() {
    }

    /** As a predicate, for {@code @RetryWhen(exception = TransientFailures.Predicate.class)}. */
    public static final class Predicate implements java.util.function.Predicate<Throwable> {
        @Override
        public boolean test(Throwable failure) {
            return isTransient(failure);
        }
    }

    /** True when {@code failure}, or anything in its cause chain, says a dependency is unavailable for now. */
    public static boolean isTransient(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 20; cause = cause.getCause(), depth++) {
            if (isTransientItself(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransientItself(Throwable cause) {
        if (cause instanceof DependencyUnavailableException || cause instanceof ConnectException
                || cause instanceof SocketTimeoutException || cause instanceof NoRouteToHostException || cause instanceof UnknownHostException
                || cause instanceof ClosedChannelException || cause instanceof SocketException
                || cause instanceof TimeoutException) {
            return true;
        }
        if (cause instanceof DatabaseException database) {
            String state = database.getSqlState();
            return state != null && (TRANSIENT_SQLSTATES.contains(state)
                    || state.length() == 5 && TRANSIENT_SQLSTATE_CLASSES.contains(state.substring(0, 2)));
        }
        if (cause instanceof WebApplicationException web) {
            return web.getResponse() != null && TRANSIENT_STATUSES.contains(web.getResponse().getStatus());
        }
        for (Class<?> type = cause.getClass(); type != null; type = type.getSuperclass()) {
            if (TRANSIENT_TYPES.contains(type.getName())) {
                return true;
            }
        }
        return isConnectionLost(cause) || isMinioServerError(cause);
    }

    private static boolean isConnectionLost(Throwable cause) {
        if (!(cause instanceof IOException) && !cause.getClass().getName().equals("io.vertx.core.VertxException")) {
            return false;
        }
        String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
        return CONNECTION_LOST.stream().anyMatch(message::contains);
    }

    /** MinIO's {@code ErrorResponseException} for a 5xx answer of the store (read through its public accessors). */
    private static boolean isMinioServerError(Throwable cause) {
        if (!cause.getClass().getName().equals("io.minio.errors.ErrorResponseException")) {
            return false;
        }
        try {
            Object response = cause.getClass().getMethod("response").invoke(cause);
            Object code = response == null ? null : response.getClass().getMethod("code").invoke(response);
            return code instanceof Integer status && TRANSIENT_STATUSES.contains(status);
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}

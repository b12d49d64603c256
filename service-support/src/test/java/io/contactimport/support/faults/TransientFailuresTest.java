package io.contactimport.support.faults;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.pgclient.PgException;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.util.concurrent.CompletionException;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;

class TransientFailuresTest {

    @Test
    void aDependencyThatIsDownIsTransientWhereverItSitsInTheCauseChain() {
        assertTrue(TransientFailures.isTransient(new ConnectException("Connection refused")));
        assertTrue(TransientFailures.isTransient(new CompletionException(new IllegalStateException("could not store",
                new SocketException("Connection reset")))));
        assertTrue(TransientFailures.isTransient(new IOException("unexpected end of stream on http://127.0.0.1")));
        assertTrue(TransientFailures.isTransient(new WebApplicationException(503)));
        assertTrue(TransientFailures.isTransient(pg("57P01", "terminating connection due to administrator command")));
        assertTrue(TransientFailures.isTransient(pg("08006", "connection failure")));
        assertTrue(TransientFailures.isTransient(pg("40P01", "deadlock detected")));
        assertTrue(TransientFailures.isTransient(new DependencyUnavailableException("the object store stopped answering", null)));
    }

    @Test
    void badInputAndBugsAreNot() {
        assertFalse(TransientFailures.isTransient(pg("22003", "value overflows numeric format")));
        assertFalse(TransientFailures.isTransient(pg("23505", "duplicate key value violates unique constraint")));
        assertFalse(TransientFailures.isTransient(new WebApplicationException(422)));
        assertFalse(TransientFailures.isTransient(new WebApplicationException(500)));
        assertFalse(TransientFailures.isTransient(new UncheckedIOException(new ZipException("invalid block type"))));
        assertFalse(TransientFailures.isTransient(new IOException("Unexpected end of ZLIB input stream")));
        assertFalse(TransientFailures.isTransient(new NullPointerException()));
    }

    private static PgException pg(String sqlState, String message) {
        return new PgException(message, "ERROR", sqlState, null);
    }
}

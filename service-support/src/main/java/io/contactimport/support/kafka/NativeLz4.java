package io.contactimport.support.kafka;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import net.jpountz.util.Native;
import org.jboss.logging.Logger;

/**
 * Kafka compresses and decompresses lz4 record batches with lz4-java, whose {@code LZ4Factory.fastestInstance()}
 * takes the native library only when lz4-java was loaded by the system class loader, or the library is loaded already.
 * Quarkus loads an application's libraries in a class loader of its own, so every service ran lz4 in pure Java: in
 * the row-processor it was most of the Kafka sending thread's time (BENCHMARKS.md, run 15). Loading the library at
 * start makes every lz4 stream after that native. Where it cannot load (a platform lz4-java has no library for, or
 * a second class loader in dev mode), the Java implementation stays, as before.
 */
@ApplicationScoped
public class NativeLz4 {

    private static final Logger LOG = Logger.getLogger(NativeLz4.class);

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start) {
        try {
            Native.load();
        } catch (RuntimeException | LinkageError e) {
            LOG.infof("lz4 runs in Java: its native library did not load (%s)", e.toString());
        }
    }
}

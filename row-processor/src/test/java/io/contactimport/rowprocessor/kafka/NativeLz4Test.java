package io.contactimport.rowprocessor.kafka;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.contactimport.testing.LocalStackResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import net.jpountz.lz4.LZ4Factory;
import org.junit.jupiter.api.Test;

/**
 * Kafka's lz4 streams take {@code LZ4Factory.fastestInstance()}: under Quarkus that is the native library only
 * because service-support's NativeLz4 loaded it at start.
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class NativeLz4Test {

    @Test
    void kafkasLz4IsTheNativeLibrary() {
        assertNotSame(ClassLoader.getSystemClassLoader(), LZ4Factory.class.getClassLoader(),
                "lz4-java is loaded by Quarkus' class loader, the case NativeLz4 is for");
        assertSame(LZ4Factory.nativeInstance(), LZ4Factory.fastestInstance());
    }
}

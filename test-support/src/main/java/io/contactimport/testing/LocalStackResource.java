package io.contactimport.testing;

import io.contactimport.stack.LocalStack;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} the real Kafka, PostgreSQL and S3 of the local stack, on free ports, with fresh data
 * under {@code target/test-stack}. Started once per test JVM and stopped when it exits, so every test class of a
 * module shares it.
 */
public class LocalStackResource implements QuarkusTestResourceLifecycleManager {

    private static LocalStack stack;

    @Override
    public Map<String, String> start() {
        return sharedStack().serviceEnvironment();
    }

    /** The stack of this JVM, for tests that talk to Kafka or PostgreSQL directly. */
    public static synchronized LocalStack sharedStack() {
        if (stack == null) {
            stack = LocalStack.startFresh(Path.of("target/test-stack").toAbsolutePath());
            LocalStack started = stack;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "test-stack-stop"));
        }
        return stack;
    }

    @Override
    public void stop() {
        // The stack outlives one Quarkus application: the JVM's shutdown hook stops it.
    }
}

package io.contactimport.testing;

import io.contactimport.stack.LocalStack;
import io.contactimport.stack.StackLayout;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

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
            Path dataDir = Path.of("target/test-stack").toAbsolutePath();
            deleteRecursively(dataDir);
            stack = LocalStack.start(StackLayout.locate(), dataDir, LocalStack.Ports.free(), Optional.empty());
            LocalStack started = stack;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "test-stack-stop"));
        }
        return stack;
    }

    @Override
    public void stop() {
        // The stack outlives one Quarkus application: the JVM's shutdown hook stops it.
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

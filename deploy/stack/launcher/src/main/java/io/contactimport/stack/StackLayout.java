package io.contactimport.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Where the built pieces of the repository are: the servers' jar folders (filled by {@code mvn package} of the
 * {@code deploy/stack} modules) and the five services' runnable jars.
 */
public final class StackLayout {

    private final Path home;

    private StackLayout(Path home) {
        this.home = home;
    }

    /** The repository root: system property {@code stack.home}, else the nearest parent folder holding deploy/stack. */
    public static StackLayout locate() {
        String configured = System.getProperty("stack.home", System.getenv("CONTACT_IMPORT_HOME"));
        if (configured != null && !configured.isBlank()) {
            return new StackLayout(Path.of(configured).toAbsolutePath().normalize());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("deploy/stack/launcher"))) {
                return new StackLayout(dir);
            }
        }
        throw new StackException("cannot find the repository root (no deploy/stack above "
                + Path.of("").toAbsolutePath() + "); set -Dstack.home");
    }

    public Path home() {
        return home;
    }

    public Path kafkaLib() {
        return builtFolder("deploy/stack/kafka-server/target/lib");
    }

    public Path s3proxyLib() {
        return builtFolder("deploy/stack/s3proxy-server/target/lib");
    }

    public String postgresClasspath() {
        Path lib = builtFolder("deploy/stack/postgres-server/target/lib");
        Path jar = home.resolve("deploy/stack/postgres-server/target/stack-postgres-server-1.0.0-SNAPSHOT.jar");
        Path classes = home.resolve("deploy/stack/postgres-server/target/classes");
        return (Files.exists(jar) ? jar : classes) + ":" + lib + "/*";
    }

    public Path serviceJar(String module) {
        Path jar = home.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new StackException(jar + " is missing: build first (./mvnw package -DskipTests)");
        }
        return jar;
    }

    public Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /**
     * The parent-watch agent as a jar. Written next to the data rather than taken from the build, so that it
     * exists also when this class runs from target/classes (tests in the reactor).
     */
    public Path agentJar() {
        Path jar = home.resolve("target/stack/parent-watch-agent.jar");
        if (Files.exists(jar)) {
            return jar;
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), ParentWatch.class.getName());
        String entry = ParentWatch.class.getName().replace('.', '/') + ".class";
        try (InputStream classBytes = ParentWatch.class.getClassLoader().getResourceAsStream(entry)) {
            Files.createDirectories(jar.getParent());
            Path partial = Files.createTempFile(jar.getParent(), "agent", ".jar");
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(partial), manifest)) {
                out.putNextEntry(new JarEntry(entry));
                classBytes.transferTo(out);
                out.closeEntry();
            }
            Files.move(partial, jar, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the parent-watch agent to " + jar, e);
        }
    }

    private Path builtFolder(String relative) {
        Path dir = home.resolve(relative);
        if (!Files.isDirectory(dir)) {
            throw new StackException(dir + " is missing: build first (./mvnw package -DskipTests)");
        }
        return dir;
    }
}

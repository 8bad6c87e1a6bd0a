package dev.relations.api.it;

import dev.relations.api.runtime.EmbeddedKafka;
import dev.relations.api.runtime.RegistryProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One real KRaft broker and one real schema registry for the whole test JVM; test
 * classes isolate themselves by tenant (org/app) and Streams application id.
 */
public final class TestCluster {
    private static TestCluster instance;

    private final EmbeddedKafka kafka;
    private final RegistryProcess registry;
    private final Path root;

    private TestCluster(Path root) {
        this.root = root;
        this.kafka = EmbeddedKafka.start(root.resolve("kafka"), freePort());
        this.registry = RegistryProcess.start(RegistryProcess.defaultJar(), root.resolve("registry"), freePort());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            registry.close();
            kafka.close();
        }));
    }

    public static synchronized TestCluster get() {
        if (instance == null) {
            try {
                instance = new TestCluster(Files.createTempDirectory("relations-it"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String registryUrl() {
        return registry.ccompatUrl();
    }

    public Path newDirectory(String name) {
        try {
            return Files.createTempDirectory(root, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int freePort() {
        try (var socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

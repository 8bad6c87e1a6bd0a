package dev.relations.api.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * An app server's callback endpoint: a real HTTP server on an ephemeral port that keeps every
 * POST it gets, per path, and answers 200, or 503 while told to fail.
 */
final class CallbackReceiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One POST as it arrived, with the status it was answered. */
    record Received(String path, JsonNode body, int answered) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    private final Map<String, Long> delays = new ConcurrentHashMap<>();
    private volatile long delayMillis;

    CallbackReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            var path = exchange.getRequestURI().getPath();
            var body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            long delay = delays.getOrDefault(path, delayMillis);
            if (delay > 0) {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            var left = failuresLeft.get(path);
            int status = left != null && left.getAndUpdate(n -> n > 0 ? n - 1 : n) != 0 ? 503 : 200;
            received.add(new Received(path, body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        // Each POST on its own thread, so a slow path does not hold the others back.
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next {@code times} POSTs to the path are answered 503; a negative number: every one, until {@link #heal}. */
    void fail(String path, int times) {
        failuresLeft.put(path, new AtomicInteger(times));
    }

    void heal(String path) {
        failuresLeft.remove(path);
    }

    /** Every POST is answered only after this long. */
    void delay(long millis) {
        this.delayMillis = millis;
    }

    /** Every POST to the path is answered only after this long. */
    void delay(String path, long millis) {
        delays.put(path, millis);
    }

    /** Every POST to the path, in the order they arrived, whatever they were answered. */
    List<Received> all(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** The bodies answered 200 at the path that match, in arrival order. */
    List<JsonNode> delivered(String path, Predicate<JsonNode> which) {
        return received.stream().filter(r -> r.path().equals(path) && r.answered() == 200).map(Received::body).filter(which).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

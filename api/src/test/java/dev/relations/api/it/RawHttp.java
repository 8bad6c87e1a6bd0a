package dev.relations.api.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP/1.1 over a plain socket: sends exactly the bytes given (no client-side checks on the
 * method, path or headers) and reads one answer, so a dropped connection shows as no answer.
 */
public final class RawHttp {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RawHttp() {
    }

    /** One answer: its status, headers as sent, and body (a JSON null node when not JSON). */
    public record Answer(int status, String head, String text) {
        public JsonNode json() {
            try {
                return text.isEmpty() ? JSON.nullNode() : JSON.readTree(text);
            } catch (IOException e) {
                return JSON.nullNode();
            }
        }

        public Optional<String> header(String name) {
            return head.lines().skip(1)
                    .filter(line -> line.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst();
        }
    }

    /** Sends the request and reads until the server closes; empty when nothing was answered. */
    public static Optional<Answer> exchange(int port, byte[] request, int timeoutMillis) {
        var received = new ByteArrayOutputStream();
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            try {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
            } catch (IOException e) {
                // The server may refuse before reading all of a large request; its answer is still due.
            }
            var in = socket.getInputStream();
            var buffer = new byte[16_384];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                received.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            // keep what arrived
        } catch (IOException e) {
            // a reset after the answer keeps what arrived
        }
        return parse(received.toString(StandardCharsets.ISO_8859_1));
    }

    private static Optional<Answer> parse(String raw) {
        int end = raw.indexOf("\r\n\r\n");
        if (!raw.startsWith("HTTP/1.") || end < 0) {
            return Optional.empty();
        }
        var head = raw.substring(0, end);
        var statusLine = head.lines().findFirst().orElse("");
        var parts = statusLine.split(" ");
        if (parts.length < 2) {
            return Optional.empty();
        }
        var body = new String(raw.substring(end + 4).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        var answer = new Answer(Integer.parseInt(parts[1]), head, body);
        var length = answer.header("content-length").map(Integer::parseInt);
        if (length.isPresent() && raw.length() - end - 4 < length.get()) {
            return Optional.empty(); // cut off mid-body
        }
        return Optional.of(answer);
    }
}

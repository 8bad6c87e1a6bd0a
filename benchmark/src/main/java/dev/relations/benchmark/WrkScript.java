package dev.relations.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One wrk run's requests: request k goes to {@code target(k)}, a Lua function given as
 * source, for k from {@code first} up to {@code limit} (exclusive; -1 for no end) over the
 * run's threads (see {@code wrk/sequence.lua}).
 */
record WrkScript(String name, String method, String targetLua, int expectedStatus, long first, long limit, String token) {
    private static final String TEMPLATE = template();

    static WrkScript get(String name, String targetLua, String token) {
        return new WrkScript(name, "GET", targetLua, 200, 0, -1, token);
    }

    static WrkScript post(String name, String targetLua, String token) {
        return new WrkScript(name, "POST", targetLua, 200, 0, -1, token);
    }

    WrkScript from(long first) {
        return new WrkScript(name, method, targetLua, expectedStatus, first, limit, token);
    }

    WrkScript until(long limit) {
        return new WrkScript(name, method, targetLua, expectedStatus, first, limit, token);
    }

    WrkScript expecting(int status) {
        return new WrkScript(name, method, targetLua, status, first, limit, token);
    }

    boolean bounded() {
        return limit >= 0;
    }

    /** Writes the script for a run with {@code threads} threads into {@code dir}. */
    Path write(Path dir, int threads) throws IOException {
        var text = TEMPLATE
                .replace("{{NAME}}", name)
                .replace("{{METHOD}}", method)
                .replace("{{EXPECTED}}", Integer.toString(expectedStatus))
                .replace("{{FIRST}}", Long.toString(first))
                .replace("{{LIMIT}}", Long.toString(limit))
                .replace("{{THREADS}}", Integer.toString(threads))
                .replace("{{BODY}}", method.equals("GET") ? "nil" : "\"\"")
                .replace("{{AUTHORIZATION}}", token == null ? "-- no token"
                        : "wrk.headers[\"Authorization\"] = \"Bearer " + token + "\"")
                .replace("{{TARGET}}", targetLua);
        var file = Files.createTempFile(dir, name + "-", ".lua");
        Files.writeString(file, text);
        return file;
    }

    /** Lua source of {@code target(k)}: {@code path} with k appended, e.g. {@code /org/app/users/bench-u} + k. */
    static String suffixed(String path, String userPrefix) {
        return "function target(k) return \"" + path + userPrefix + "\" .. k end";
    }

    /** Lua source of {@code target(k)} cycling over {@code count} paths {@code before + prefix + i + after}. */
    static String cycling(String before, String prefix, String after, int count) {
        return "function target(k) return \"" + before + prefix + "\" .. (k % " + count + ") .. \"" + after + "\" end";
    }

    private static String template() {
        try (InputStream in = WrkScript.class.getResourceAsStream("/wrk/sequence.lua")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

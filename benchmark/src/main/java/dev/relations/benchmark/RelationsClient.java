package dev.relations.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The Easemob REST calls the scenarios make, over one keep-alive HTTP/1.1 client. */
final class RelationsClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ERROR = Pattern.compile("\"error\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern COUNT = Pattern.compile("\"count\"\\s*:\\s*(\\d+)");
    static final int MAX_BATCH = 60;

    private final HttpClient http;
    private final URI baseUrl;
    private final String appPath;
    private final String appBase;
    private final Duration timeout;
    private volatile String token;

    RelationsClient(URI baseUrl, String org, String app, Duration timeout) {
        // HTTP/1.1 explicitly: the default (HTTP/2) adds an h2c upgrade attempt to plain-http requests.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.baseUrl = baseUrl;
        this.appPath = baseUrl.getRawPath() + "/" + org + "/" + app;
        this.appBase = baseUrl + "/" + org + "/" + app;
        this.timeout = timeout;
    }

    record Response(int status, String body) {
        boolean ok() {
            return status / 100 == 2;
        }

        /** The service timed out waiting for the verdict (408) or failed (5xx): the same request may succeed later. */
        boolean retriable() {
            return status == 408 || status / 100 == 5;
        }

        String errorLabel() {
            if (status == 429) {
                return "429 reach_limit (start the service with RELATIONS_RATE_LIMITS_ENABLED=false)";
            }
            var m = ERROR.matcher(body);
            return m.find() ? status + " " + m.group(1) : String.valueOf(status);
        }
    }

    void authenticate(String clientId, String clientSecret) throws IOException, InterruptedException {
        if (clientSecret == null) {
            throw new IllegalStateException("no client secret: pass --client-secret, set RELATIONS_CLIENT_SECRET, "
                    + "or --data-dir pointing at the service's data directory (its client-secret file)");
        }
        var body = JSON.createObjectNode()
                .put("grant_type", "client_credentials")
                .put("client_id", clientId)
                .put("client_secret", clientSecret);
        Response response;
        try {
            response = send(request("/token").POST(HttpRequest.BodyPublishers.ofString(body.toString())), false);
        } catch (java.net.ConnectException e) {
            throw new IllegalStateException("the service is not reachable at " + appBase + " (is it running? --base-url)", e);
        }
        if (!response.ok()) {
            throw new IllegalStateException("token request failed: " + response.status() + " " + abbreviate(response.body()));
        }
        token = JSON.readTree(response.body()).path("access_token").asText();
    }

    /** The app's path under the server, e.g. {@code /demo/relations}: where generated requests go. */
    String appPath() {
        return appPath;
    }

    /** The bearer token {@link #authenticate} obtained. */
    String token() {
        return token;
    }

    /** A GET of {@code path} under the base URL, without a token. */
    Response getPlain(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout).GET(), false);
    }

    /**
     * Registers the users (at most 60) and answers those that were not created. A user
     * that "already exists" counts as created: with run-unique names, only an earlier
     * attempt of this run can have created it.
     */
    List<String> register(List<String> usernames) throws IOException, InterruptedException {
        if (usernames.size() > MAX_BATCH) {
            throw new IllegalArgumentException("batch too large");
        }
        var array = JSON.createArrayNode();
        for (var name : usernames) {
            ObjectNode user = array.addObject();
            user.put("username", name);
            user.put("password", "bench-pass");
        }
        var response = send(request("/users").POST(HttpRequest.BodyPublishers.ofString(array.toString())), true);
        if (!response.ok()) {
            if (response.retriable()) {
                return usernames;
            }
            throw new IllegalStateException("registering users failed: " + abbreviate(response.body()));
        }
        var failed = new ArrayList<String>();
        for (JsonNode failure : JSON.readTree(response.body()).path("data")) {
            var reason = failure.path("registerUserFailReason").asText();
            if (!reason.contains("already exists")) {
                failed.add(failure.path("username").asText());
            }
        }
        return failed;
    }

    /** Registers the users, retrying the ones that failed (timeouts under load) a few times. */
    void registerAll(List<String> usernames) throws IOException, InterruptedException {
        var pending = usernames;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > 3) {
                throw new IllegalStateException("could not register " + pending.size() + " users (e.g. " + pending.get(0)
                        + ") in 3 attempts");
            }
            pending = register(pending);
        }
    }

    Response addContact(String owner, String friend) throws IOException, InterruptedException {
        return send(request("/users/" + encode(owner) + "/contacts/users/" + encode(friend))
                .POST(HttpRequest.BodyPublishers.noBody()), true);
    }

    /** An add that is retried on a timeout or server error with the same Idempotency-Key, so it applies once. */
    void addContactSurely(String owner, String friend) throws IOException, InterruptedException {
        var key = "bench-" + owner + "-" + friend;
        Response response = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            response = send(request("/users/" + encode(owner) + "/contacts/users/" + encode(friend))
                    .header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.noBody()), true);
            if (response.ok() || !response.retriable()) {
                break;
            }
        }
        if (!response.ok()) {
            throw new IllegalStateException("adding " + friend + " to " + owner + ": " + response.status() + " "
                    + abbreviate(response.body()));
        }
    }

    Response listContacts(String owner) throws IOException, InterruptedException {
        return send(request("/users/" + encode(owner) + "/contacts/users").GET(), true);
    }

    /** One page of the contact list, newest first; {@code cursor} null for the first page. */
    Response contactPage(String owner, int limit, String cursor) throws IOException, InterruptedException {
        var query = "?limit=" + limit + (cursor == null ? "" : "&cursor=" + encode(cursor));
        return send(request("/users/" + encode(owner) + "/contacts" + query).GET(), true);
    }

    Response block(String owner, String target) throws IOException, InterruptedException {
        var body = JSON.createObjectNode();
        body.putArray("usernames").add(target);
        return send(request("/users/" + encode(owner) + "/blocks/users")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), true);
    }

    Response unblock(String owner, String target) throws IOException, InterruptedException {
        return send(request("/users/" + encode(owner) + "/blocks/users/" + encode(target)).DELETE(), true);
    }

    /** Creates a chatroom and answers its id. */
    String createRoom(String owner, int maxUsers) throws IOException, InterruptedException {
        var body = JSON.createObjectNode()
                .put("name", "bench")
                .put("description", "bench")
                .put("maxusers", maxUsers)
                .put("owner", owner);
        var response = send(request("/chatrooms").POST(HttpRequest.BodyPublishers.ofString(body.toString())), true);
        var id = response.ok() ? JSON.readTree(response.body()).path("data").path("id").asText("") : "";
        if (id.isEmpty()) {
            throw new IllegalStateException("creating a chatroom failed: " + response.status() + " " + abbreviate(response.body()));
        }
        return id;
    }

    Response addRoomMember(String room, String user) throws IOException, InterruptedException {
        return send(request("/chatrooms/" + encode(room) + "/users/" + encode(user))
                .POST(HttpRequest.BodyPublishers.noBody()), true);
    }

    /** Adds up to 60 members in one call, retrying on a timeout or server error: a batch skips users already in. */
    void addRoomMembersSurely(String room, List<String> users) throws IOException, InterruptedException {
        var body = JSON.createObjectNode();
        var names = body.putArray("usernames");
        users.forEach(names::add);
        Response response = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            response = send(request("/chatrooms/" + encode(room) + "/users")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())), true);
            if (response.ok() || !response.retriable()) {
                break;
            }
        }
        if (!response.ok()) {
            throw new IllegalStateException("adding " + users.size() + " members to chatroom " + room + ": "
                    + response.status() + " " + abbreviate(response.body()));
        }
    }

    Response roomMembers(String room, int pageNumber, int pageSize) throws IOException, InterruptedException {
        return send(request("/chatrooms/" + encode(room) + "/users?pagenum=" + pageNumber + "&pagesize=" + pageSize).GET(), true);
    }

    /** The room's {@code affiliations_count} (owner included), or -1 when the answer has none. */
    int roomSize(String room) throws IOException, InterruptedException {
        var response = send(request("/chatrooms/" + encode(room)).GET(), true);
        if (!response.ok()) {
            return -1;
        }
        return JSON.readTree(response.body()).path("data").path(0).path("affiliations_count").asInt(-1);
    }

    Response mute(String room, String user, long durationMillis) throws IOException, InterruptedException {
        var body = JSON.createObjectNode();
        body.putArray("usernames").add(user);
        body.put("mute_duration", durationMillis);
        return send(request("/chatrooms/" + encode(room) + "/mute")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), true);
    }

    static JsonNode tree(Response response) throws IOException {
        return JSON.readTree(response.body());
    }

    /** The {@code count} field of a list answer, or -1 when absent. */
    static int count(Response response) {
        var m = COUNT.matcher(response.body());
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(appBase + path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
    }

    private Response send(HttpRequest.Builder builder, boolean authorized) throws IOException, InterruptedException {
        if (authorized) {
            builder.header("Authorization", "Bearer " + token);
        }
        var response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body());
    }

    static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        http.close();
    }
}

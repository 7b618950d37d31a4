package io.syncline.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * JSON over HTTP to one base URL, optionally as a Syncline user (a bearer token, fetched again once when it has
 * expired). Failures of the control calls end the run: the channel benchmark cannot measure without them.
 */
final class JsonHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    record Response(int status, JsonNode json, String text) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final URI base;
    private final String username;
    private final String password;
    private volatile String token;

    /** Without a user: the simulator's admin API. */
    JsonHttp(URI base) {
        this(base, null, null);
    }

    JsonHttp(URI base, String username, String password) {
        this.base = base;
        this.username = username;
        this.password = password;
    }

    void login() throws IOException, InterruptedException {
        Response r = send("POST", "/api/auth/token", Map.of("username", username, "password", password), false);
        if (!r.ok()) {
            throw new IllegalStateException("login as " + username + " failed: " + r.status() + " " + r.text());
        }
        token = r.json().path("accessToken").asText();
    }

    Response get(String path) throws IOException, InterruptedException {
        return send("GET", path, null, true);
    }

    /** GET that must answer 2xx. */
    JsonNode read(String path) throws IOException, InterruptedException {
        Response r = get(path);
        if (!r.ok()) {
            throw new IllegalStateException("GET " + path + " answered " + r.status() + " " + abbreviate(r.text()));
        }
        return r.json();
    }

    /** PUT that must answer 2xx. */
    JsonNode put(String path, Object body) throws IOException, InterruptedException {
        Response r = send("PUT", path, body, true);
        if (!r.ok()) {
            throw new IllegalStateException("PUT " + path + " answered " + r.status() + " " + abbreviate(r.text()));
        }
        return r.json();
    }

    private Response send(String method, String path, Object body, boolean authorised)
            throws IOException, InterruptedException {
        String used = token;
        Response r = once(method, path, body, authorised ? used : null);
        if (r.status() == 401 && authorised && username != null) {
            relogin(used);
            r = once(method, path, body, token);
        }
        return r;
    }

    private synchronized void relogin(String stale) throws IOException, InterruptedException {
        if (stale == null || stale.equals(token)) {
            login();
        }
    }

    private Response once(String method, String path, Object body, String bearer)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json;
        try {
            json = r.body().isBlank() ? MissingNode.getInstance() : JSON.readTree(r.body());
        } catch (IOException notJson) {
            json = MissingNode.getInstance();
        }
        return new Response(r.statusCode(), json, r.body());
    }

    private static String abbreviate(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ");
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "…";
    }
}

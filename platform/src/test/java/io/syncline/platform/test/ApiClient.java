package io.syncline.platform.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The HTTP client of every module's tests: real HTTP against the running application, optionally with a bearer token. */
public class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private String token;

    public ApiClient(int port) {
        this(port, null);
    }

    public ApiClient(int port, String token) {
        this.baseUrl = "http://127.0.0.1:" + port;
        this.token = token;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Logs in and keeps the bearer token for later calls. */
    public ApiClient login(String username, String password) {
        Response r = send("POST", "/api/auth/token", Map.of("username", username, "password", password), Map.of());
        if (r.status() != 200) {
            throw new IllegalStateException("login failed: " + r);
        }
        token = r.json().get("accessToken").asText();
        return this;
    }

    /** A new client logged in as {@code username}; this one keeps its own token. */
    public ApiClient as(String username, String password) {
        return new ApiClient(port(), null).login(username, password);
    }

    /** A new client sending {@code otherToken} (null: none). */
    public ApiClient withToken(String otherToken) {
        return new ApiClient(port(), otherToken);
    }

    public String token() {
        return token;
    }

    private int port() {
        return URI.create(baseUrl).getPort();
    }

    public Response get(String path) {
        return send("GET", path, null, Map.of());
    }

    public Response post(String path, Object body) {
        return send("POST", path, body, Map.of());
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body, Map.of());
    }

    /**
     * Sends a JSON body (an object serialised with Jackson, or a raw String sent as is) with Content-Type
     * application/json unless the headers name another.
     */
    public Response send(String method, String path, Object body, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        if (body == null) {
            return raw(method, path, HttpRequest.BodyPublishers.noBody(), all);
        }
        try {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            if (all.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
                all.put("Content-Type", "application/json");
            }
            return raw(method, path, HttpRequest.BodyPublishers.ofString(text), all);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends {@code body} exactly as given, with only the given headers and the token. */
    public Response raw(String method, String path, HttpRequest.BodyPublisher body, Map<String, String> headers) {
        try {
            HttpRequest.Builder b =
                    HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            headers.forEach(b::header);
            HttpResponse<String> r = HTTP.send(b.method(method, body).build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> h = new LinkedHashMap<>();
            r.headers().map().forEach((k, v) -> h.put(k.toLowerCase(), String.join(",", v)));
            return new Response(r.statusCode(), h, r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Status, lower-cased headers and body of one response. */
    public record Response(int status, Map<String, String> headers, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        public boolean isProblem() {
            String type = header("content-type");
            return type != null && type.startsWith("application/problem+json");
        }

        /** The fields named by a validation problem's errors. */
        public List<String> errorFields() {
            List<String> fields = new ArrayList<>();
            json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
            return fields;
        }
    }
}

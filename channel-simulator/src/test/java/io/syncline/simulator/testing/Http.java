package io.syncline.simulator.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A plain HTTP client for the tests: JSON in, JSON out, integers read exactly. */
public final class Http {

    public static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private Http() {}

    /** An answer: status, headers and the body read as JSON (null when empty or not JSON). */
    public record Answer(int status, java.net.http.HttpHeaders headers, String text, JsonNode json) {}

    public static Answer get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET(), Duration.ofSeconds(10));
    }

    public static Answer delete(URI uri) {
        return send(HttpRequest.newBuilder(uri).DELETE(), Duration.ofSeconds(10));
    }

    public static Answer post(URI uri, Object body) {
        return post(uri, Map.of(), body);
    }

    public static Answer post(URI uri, Map<String, String> headers, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).POST(publisher(body));
        request.header("Content-Type", "application/json");
        headers.forEach(request::header);
        return send(request, Duration.ofSeconds(10));
    }

    public static Answer put(URI uri, Object body) {
        return send(
                HttpRequest.newBuilder(uri).PUT(publisher(body)).header("Content-Type", "application/json"),
                Duration.ofSeconds(10));
    }

    public static Answer send(HttpRequest.Builder request, Duration timeout) {
        try {
            HttpResponse<String> response =
                    CLIENT.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            String text = response.body();
            if (text != null && !text.isEmpty()) {
                try {
                    json = JSON.readTree(text);
                } catch (IOException notJson) {
                    json = null;
                }
            }
            return new Answer(response.statusCode(), response.headers(), text, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpRequest.BodyPublisher publisher(Object body) {
        if (body == null) {
            return HttpRequest.BodyPublishers.noBody();
        }
        if (body instanceof byte[] bytes) {
            return HttpRequest.BodyPublishers.ofByteArray(bytes);
        }
        if (body instanceof String text) {
            return HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
        }
        try {
            return HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

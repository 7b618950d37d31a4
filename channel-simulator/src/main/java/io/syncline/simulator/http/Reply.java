package io.syncline.simulator.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An answer to write: status, headers and body, written after {@code delay}; or, when {@code hangFor} is set, no
 * answer at all: the connection is held that long and then dropped, as a server that accepted and never answered.
 */
public record Reply(int status, Map<String, String> headers, byte[] body, Duration delay, Duration hangFor) {

    public Reply {
        headers = Map.copyOf(headers);
        body = body != null ? body : new byte[0];
        delay = delay != null ? delay : Duration.ZERO;
    }

    public static Reply json(int status, Object body) {
        return new Reply(status, Map.of("Content-Type", "application/json"), Json.bytes(body), Duration.ZERO, null);
    }

    public static Reply problem(int status, String detail) {
        ObjectNode problem = Json.object();
        problem.put("type", "about:blank");
        problem.put("title", title(status));
        problem.put("status", status);
        problem.put("detail", detail);
        return new Reply(
                status, Map.of("Content-Type", "application/problem+json"), Json.bytes(problem), Duration.ZERO, null);
    }

    public static Reply empty(int status) {
        return new Reply(status, Map.of(), new byte[0], Duration.ZERO, null);
    }

    /** Accept the request and never answer; the connection is dropped after {@code duration}. */
    public static Reply hang(Duration duration) {
        return new Reply(0, Map.of(), new byte[0], Duration.ZERO, duration);
    }

    public Reply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Reply(status, more, body, delay, hangFor);
    }

    public Reply delayedBy(Duration value) {
        return new Reply(status, headers, body, value, hangFor);
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Payload Too Large";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Server Error" : "Error";
        };
    }
}

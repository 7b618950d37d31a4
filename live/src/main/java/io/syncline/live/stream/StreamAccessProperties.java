package io.syncline.live.stream;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may open streams, how many, and how far behind a client may fall.
 *
 * @param allowedOrigins         browser origins ({@code scheme://host[:port]}) allowed to open the WebSocket
 *                               and to call {@code /api/**} cross-origin; empty means the gateway's own only
 * @param clientBuffer           messages queued for one client at most; a client further behind is dropped
 *                               and resumes by id
 * @param maxConnectionsPerUser  open streams (SSE and WebSocket) one user may hold on this instance
 * @param maxConnections         open streams this instance holds in all
 * @param healthPoll             how often the aggregate health is checked for {@code health.changed}
 */
@ConfigurationProperties("syncline.stream")
public record StreamAccessProperties(
        List<String> allowedOrigins,
        Integer clientBuffer,
        Integer maxConnectionsPerUser,
        Integer maxConnections,
        Duration healthPoll) {

    public StreamAccessProperties {
        allowedOrigins = allowedOrigins == null
                ? List.of()
                : allowedOrigins.stream()
                        .map(String::trim)
                        .filter(o -> !o.isEmpty())
                        .toList();
        if (allowedOrigins.stream().anyMatch(o -> o.contains("*"))) {
            throw new IllegalArgumentException("syncline.stream.allowed-origins must list origins, not patterns");
        }
        clientBuffer = atLeastOne(clientBuffer, 1000, "client-buffer");
        maxConnectionsPerUser = atLeastOne(maxConnectionsPerUser, 20, "max-connections-per-user");
        maxConnections = atLeastOne(maxConnections, 10_000, "max-connections");
        healthPoll = healthPoll == null ? Duration.ofSeconds(5) : healthPoll;
        if (healthPoll.isZero() || healthPoll.isNegative()) {
            throw new IllegalArgumentException("syncline.stream.health-poll must be positive");
        }
    }

    /** All defaults. */
    public static StreamAccessProperties defaults() {
        return new StreamAccessProperties(null, null, null, null, null);
    }

    private static int atLeastOne(Integer value, int fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value < 1) {
            throw new IllegalArgumentException("syncline.stream." + name + " must be at least 1");
        }
        return value;
    }
}

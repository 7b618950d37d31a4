package io.syncline.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.syncline.it.StreamIT.Sse;
import io.syncline.it.WebSocketStreamIT.Ws;
import io.syncline.live.stream.StreamProperties;
import io.syncline.live.stream.StreamStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A resume point the stream no longer holds (older than the retention window, or never handed out) is
 * refused: SSE answers 410 with a problem, WebSocket closes with 4410. Messages are made old by writing them
 * with an old timestamp, as the projection would have two days ago, and the retention job deletes them.
 */
class StreamResumeExpiredIT extends StandaloneIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private TransactionTemplate transactions;

    @Autowired
    private StreamStore store;

    @Autowired
    private StreamProperties properties;

    @Test
    void aResumeOlderThanTheRetentionWindowIsGoneOnSseAndOnWebSocket() throws Exception {
        Instant old = Instant.now().minus(properties.retention()).minus(Duration.ofHours(24));
        long expired = publish("OLD-1", old);
        long purgedUpTo = publish("OLD-2", old);
        assertThat(store.deleteCreatedBefore(Instant.now().minus(properties.retention())))
                .isPositive();
        assertThat(store.purgedUpTo()).isEqualTo(purgedUpTo);
        String fresh = "FRESH-" + UUID.randomUUID().toString().substring(0, 8);
        long kept = publish(fresh, Instant.now());

        HttpResponse<String> byHeader = sse("", expired);
        assertThat(byHeader.statusCode()).isEqualTo(410);
        assertThat(byHeader.headers().firstValue("content-type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(byHeader.body());
        assertThat(problem.get("type").asText()).isEqualTo("urn:syncline:problem:stream-resume-expired");
        assertThat(problem.get("status").asInt()).isEqualTo(410);
        assertThat(problem.get("detail").asText())
                .contains("Reload your state")
                .contains("reconnect without Last-Event-ID");
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("Last-Event-ID");

        HttpResponse<String> byParameter = sse("?lastEventId=" + expired, null);
        assertThat(byParameter.statusCode()).isEqualTo(410);
        assertThat(JSON.readTree(byParameter.body())
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asText())
                .isEqualTo("lastEventId");
        assertThat(sse("", kept + 1000).statusCode())
                .as("an id never handed out")
                .isEqualTo(410);

        // right at the retention boundary nothing is missing: the stream resumes
        try (Sse resumed = Sse.open(port, alice.token(), "?topics=inventory", Long.toString(purgedUpTo))) {
            resumed.await(e -> fresh.equals(e.field("sku")));
        }

        try (Ws tooOld = Ws.open(port, null, alice.token())) {
            tooOld.send("{\"subscribe\":[\"inventory\"],\"resumeAfter\":" + expired + "}");
            tooOld.awaitClosed();
            assertThat(tooOld.closeCode()).isEqualTo(4410);
            assertThat(tooOld.closeReason())
                    .isEqualTo("resume point expired: reload and subscribe without resumeAfter");
            assertThat(tooOld.frames()).isEmpty();
        }
        try (Ws unknown = Ws.open(port, null, alice.token())) {
            unknown.send("{\"resumeAfter\":" + (kept + 1000) + "}");
            unknown.awaitClosed();
            assertThat(unknown.closeCode()).isEqualTo(4410);
        }
        try (Ws resumed = Ws.open(port, null, alice.token())) {
            resumed.send("{\"subscribe\":[\"inventory\"],\"resumeAfter\":" + purgedUpTo + "}");
            resumed.await(f -> fresh.equals(f.field("sku")));
            assertThat(resumed.closeCode()).isEqualTo(-1);
        }
    }

    private HttpResponse<String> sse(String query, Long lastEventId) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(alice.baseUrl() + "/api/stream" + query))
                .header("Authorization", "Bearer " + alice.token())
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(10));
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId.toString());
        }
        return HttpClient.newHttpClient().send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A stock message of merchant m1 written as the projection writes them (the log row locked first). */
    private long publish(String sku, Instant createdAt) {
        return transactions.execute(tx -> {
            jdbc.queryForObject("select purged_up_to from stream_log where id = 1 for update", Long.class);
            jdbc.update(
                    "insert into stream_messages (merchant_id, topic, type, data, created_at) values (?, ?, ?, ?, ?)",
                    "m1",
                    "inventory",
                    "stock.changed",
                    "{\"merchantId\":\"m1\",\"sku\":\"" + sku + "\",\"onHand\":1}",
                    Timestamp.from(createdAt));
            return jdbc.queryForObject("select max(id) from stream_messages", Long.class);
        });
    }
}

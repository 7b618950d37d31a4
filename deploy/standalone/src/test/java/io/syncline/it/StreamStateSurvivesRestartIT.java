package io.syncline.it;

import static io.syncline.it.OrderFlowIT.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.syncline.SynclineApplication;
import io.syncline.it.WebSocketStreamIT.Ws;
import io.syncline.live.stream.StreamHub;
import io.syncline.platform.test.ApiClient;
import io.syncline.platform.test.TestDatabases;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stream tickets and unacknowledged critical messages live in the database, not in a gateway's memory: what
 * one run of the application issued or sent is honoured by the next run on the same database, as it would be
 * by another gateway instance behind a load balancer.
 */
class StreamStateSurvivesRestartIT {

    @Test
    void ticketsAndUnacknowledgedAlertsOutliveTheGatewayThatIssuedThem() throws Exception {
        String db = TestDatabases.create("syncline_stream_restart");
        String ticket;
        String expiring;
        String item = "LOW-" + UUID.randomUUID().toString().substring(0, 8);
        long lowId;

        try (ConfigurableApplicationContext first = start(db)) {
            int port = port(first);
            ApiClient alice = new ApiClient(port).login("alice", "secret");
            ticket = WebSocketStreamIT.ticket(alice);
            expiring = WebSocketStreamIT.ticket(alice);
            stock(alice, item, 10, 5);
            try (Ws ws = Ws.open(port, null, alice.token())) {
                subscribe(ws, first.getBean(StreamHub.class));
                stock(alice, item, 2, 5);
                lowId = ws.await(f -> "stock.low".equals(f.type()) && item.equals(f.field("sku")))
                        .id();
                // closed without an acknowledgement
            }
        }

        try (ConfigurableApplicationContext second = start(db)) {
            int port = port(second);
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            ApiClient alice = new ApiClient(port).login("alice", "secret");

            // only the hash of a ticket is stored
            String ticketHash = sha256(ticket);
            assertThat(jdbc.queryForList("select * from stream_tickets"))
                    .allSatisfy(row -> assertThat(row.values())
                            .noneMatch(v -> String.valueOf(v).contains(ticket)))
                    .anySatisfy(row -> assertThat(row).containsEntry("ticket_hash", ticketHash));

            // the first run's ticket opens a stream here, once
            HttpResponse<InputStream> opened = WebSocketStreamIT.openSse(port, "?ticket=" + ticket);
            opened.body().close();
            assertThat(opened.statusCode()).isEqualTo(200);
            HttpResponse<InputStream> again = WebSocketStreamIT.openSse(port, "?ticket=" + ticket);
            again.body().close();
            assertThat(again.statusCode()).isEqualTo(401);

            // an expired ticket is refused (its 30 s moved into the past rather than waited for)
            jdbc.update(
                    "update stream_tickets set expires_at = ? where ticket_hash = ?",
                    Timestamp.from(Instant.now().minusSeconds(1)),
                    sha256(expiring));
            HttpResponse<InputStream> expired = WebSocketStreamIT.openSse(port, "?ticket=" + expiring);
            expired.body().close();
            assertThat(expired.statusCode()).isEqualTo(401);

            // live from now: the first run's alert can only come from the database
            try (Ws ws = Ws.open(port, null, alice.token())) {
                subscribe(ws, second.getBean(StreamHub.class));
                WebSocketStreamIT.Frame redelivered = ws.await(f -> f.id() == lowId);
                assertThat(redelivered.type()).isEqualTo("stock.low");
                assertThat(redelivered.field("sku")).isEqualTo(item);
                ws.send("{\"ack\":" + lowId + "}");
                await(
                        () -> jdbc.queryForObject(
                                        "select count(*) from stream_pending_acks where message_id = ?",
                                        Integer.class,
                                        lowId)
                                == 0,
                        "the acknowledgement recorded");
            }
            try (Ws ws = Ws.open(port, null, alice.token())) {
                subscribe(ws, second.getBean(StreamHub.class));
                Thread.sleep(1500);
                assertThat(ws.count(f -> f.id() == lowId)).isZero();
            }

            // one user cannot fill the table: 100 unused tickets, then 429
            for (int i = 0; i < 100; i++) {
                WebSocketStreamIT.ticket(alice);
            }
            ApiClient.Response refused = alice.send("POST", "/api/stream/tickets", null, Map.of());
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("content-type")).startsWith("application/problem+json");
            assertThat(refused.header("retry-after")).isEqualTo("30");
            assertThat(refused.json().get("detail").asText()).contains("100 unused stream tickets");
            assertThat(WebSocketStreamIT.ticket(new ApiClient(port).login("bob", "secret")))
                    .isNotBlank();
        }
    }

    private static ConfigurableApplicationContext start(String db) {
        // arguments, not default properties: the postgres profile's own defaults must not win
        return new SpringApplicationBuilder(SynclineApplication.class)
                .profiles("postgres", "it")
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + db,
                        "--spring.datasource.username=" + TestDatabases.USER,
                        "--spring.datasource.password=" + TestDatabases.PASSWORD,
                        "--spring.datasource.hikari.maximum-pool-size=5",
                        // the ticket cap, not the rate limit, is what refuses the 101st ticket
                        "--syncline.gateway.rate-limit.capacity=1000");
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    /** Subscribes to inventory and waits until the hub holds the subscription. */
    private static void subscribe(Ws ws, StreamHub hub) {
        int before = hub.subscriptionCount();
        ws.send("{\"subscribe\":[\"inventory\"]}");
        await(() -> hub.subscriptionCount() > before, "the WebSocket subscribed");
    }

    private static void stock(ApiClient client, String sku, int onHand, int threshold) {
        var r = client.put(
                "/api/inventory/" + sku, Map.of("onHand", onHand, "lowStockThreshold", threshold, "name", sku));
        assertThat(r.status()).as(r.body()).isIn(200, 201);
    }

    private static String sha256(String value) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }
}

package io.syncline.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.syncline.platform.test.ApiClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Stream tickets and the live stream over WebSocket: tenancy, origin check, resume, compression. */
@TestPropertySource(
        properties = {
            "syncline.stream.heartbeat=PT1S",
            "syncline.stream.ack-redelivery=PT1S",
            "syncline.stream.allowed-origins=https://ops.example",
            "server.tomcat.accesslog.enabled=true",
            "server.tomcat.accesslog.buffered=false",
            "server.tomcat.accesslog.directory=${java.io.tmpdir}/syncline-ws-it-access-log"
        })
class WebSocketStreamIT extends StandaloneIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aTicketOpensTheStreamOnceAndNothingElse() throws Exception {
        String ticket = ticket(alice);

        HttpResponse<InputStream> first = openSse("?ticket=" + ticket);
        try {
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
        } finally {
            first.body().close();
        }
        HttpResponse<InputStream> again = openSse("?ticket=" + ticket);
        again.body().close();
        assertThat(again.statusCode()).isEqualTo(401);

        String unused = ticket(alice);
        ApiClient anonymous = client();
        assertThat(anonymous.get("/api/inventory?ticket=" + unused).status()).isEqualTo(401);
        assertThat(anonymous.get("/api/stream?ticket=not-a-ticket").status()).isEqualTo(401);
        // the ticket was not used up by the refused request: it still opens a stream
        HttpResponse<InputStream> stream = openSse("?ticket=" + unused);
        stream.body().close();
        assertThat(stream.statusCode()).isEqualTo(200);

        ApiClient.Response withoutToken = anonymous.send("POST", "/api/stream/tickets", null, Map.of());
        assertThat(withoutToken.status()).isEqualTo(401);

        // the access log shows where tickets were used, never the tickets
        Path logs = Path.of(System.getProperty("java.io.tmpdir"), "syncline-ws-it-access-log");
        Instant deadline = Instant.now().plus(WAIT);
        List<String> lines = List.of();
        while (lines.stream().noneMatch(l -> l.contains("/api/inventory?ticket="))) {
            assertThat(Instant.now()).as("access log written").isBefore(deadline);
            Thread.sleep(100);
            try (Stream<Path> files = Files.list(logs)) {
                lines = files.flatMap(f -> {
                            try {
                                return Files.readAllLines(f).stream();
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        })
                        .toList();
            } catch (IOException e) {
                // not written yet
            }
        }
        assertThat(lines).filteredOn(l -> l.contains("ticket=")).allMatch(l -> l.contains("ticket=***"));
        assertThat(lines).noneMatch(l -> l.contains(ticket) || l.contains(unused));
    }

    @Test
    void streamsOnlyTheMerchantsOwnMessagesOverWebSocket() {
        try (Ws aliceWs = Ws.open(port, "?ticket=" + ticket(alice), null);
                Ws bobWs = Ws.open(port, null, bob.token())) {
            aliceWs.send("{\"subscribe\":[\"orders\",\"inventory\"]}");
            bobWs.send("{\"subscribe\":[]}");
            awaitSubscribed();
            String item = sku("WS");
            stock(alice, item, 5);
            stock(bob, item, 7);
            String marker = sku("MARKER");
            stock(bob, marker, 1);
            stock(alice, marker, 1);

            Frame mine = aliceWs.await(f -> "stock.changed".equals(f.type()) && item.equals(f.field("sku")));
            aliceWs.await(f -> marker.equals(f.field("sku")));
            bobWs.await(f -> "stock.changed".equals(f.type()) && item.equals(f.field("sku")));
            bobWs.await(f -> marker.equals(f.field("sku")));

            assertThat(mine.data().get("onHand").asInt()).isEqualTo(5);
            assertThat(mine.id()).isPositive();
            assertThat(aliceWs.frames()).extracting(f -> f.field("merchantId")).containsOnly("m1");
            assertThat(bobWs.frames()).extracting(f -> f.field("merchantId")).containsOnly("m2");
        }
    }

    @Test
    void aForeignOriginIsRefusedAtTheHandshake() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        WebSocket.Builder foreign = http.newWebSocketBuilder()
                .header("Authorization", "Bearer " + alice.token())
                .header("Origin", "https://evil.example");
        assertThatThrownBy(() -> foreign.buildAsync(wsUri(""), new WebSocket.Listener() {})
                        .get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(
                                ((WebSocketHandshakeException) e).getResponse().statusCode())
                        .isEqualTo(403));

        WebSocket same = http.newWebSocketBuilder()
                .header("Authorization", "Bearer " + alice.token())
                .header("Origin", "http://127.0.0.1:" + port)
                .buildAsync(wsUri(""), new WebSocket.Listener() {})
                .get(10, TimeUnit.SECONDS);
        same.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);

        WebSocket listed = http.newWebSocketBuilder()
                .header("Authorization", "Bearer " + alice.token())
                .header("Origin", "https://ops.example")
                .buildAsync(wsUri(""), new WebSocket.Listener() {})
                .get(10, TimeUnit.SECONDS);
        listed.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);

        assertThat(client().send("GET", "/ws", null, Map.of()).status()).isEqualTo(401);
    }

    @Test
    void corsAllowsTheListedOriginsOnly() {
        ApiClient.Response listed = client().send(
                        "OPTIONS",
                        "/api/inventory",
                        null,
                        Map.of(
                                "Origin",
                                "https://ops.example",
                                "Access-Control-Request-Method",
                                "PUT",
                                "Access-Control-Request-Headers",
                                "authorization,content-type"));
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.header("access-control-allow-origin")).isEqualTo("https://ops.example");

        ApiClient.Response foreign = client().send(
                        "OPTIONS",
                        "/api/inventory",
                        null,
                        Map.of("Origin", "https://evil.example", "Access-Control-Request-Method", "PUT"));
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.header("access-control-allow-origin")).isNull();

        ApiClient.Response simple = alice.send("GET", "/api/inventory", null, Map.of("Origin", "https://ops.example"));
        assertThat(simple.header("access-control-allow-origin")).isEqualTo("https://ops.example");
        assertThat(simple.header("access-control-allow-origin")).isNotEqualTo("*");
    }

    @Test
    void aReconnectingClientResumesAfterItsLastIdWithoutGaps() {
        String item = sku("RESUME");
        long lastSeen;
        try (Ws first = Ws.open(port, null, alice.token())) {
            first.send("{\"subscribe\":[\"inventory\"]}");
            awaitSubscribed();
            stock(alice, item, 1);
            lastSeen = first.await(f -> item.equals(f.field("sku"))).id();
        }
        for (int onHand = 2; onHand <= 4; onHand++) {
            stock(alice, item, onHand);
        }
        try (Ws resumed = Ws.open(port, null, alice.token())) {
            resumed.send("{\"subscribe\":[\"inventory\"],\"resumeAfter\":" + lastSeen + "}");
            resumed.await(
                    f -> item.equals(f.field("sku")) && f.data().get("onHand").asInt() == 4);
            stock(alice, item, 9);
            resumed.await(
                    f -> item.equals(f.field("sku")) && f.data().get("onHand").asInt() == 9);

            List<Integer> onHands = resumed.frames().stream()
                    .filter(f -> item.equals(f.field("sku")))
                    .map(f -> f.data().get("onHand").asInt())
                    .toList();
            assertThat(onHands).containsExactly(2, 3, 4, 9);
            List<Long> ids = resumed.frames().stream().map(Frame::id).toList();
            assertThat(ids).isSorted().doesNotHaveDuplicates().allMatch(id -> id > lastSeen);
        }
    }

    @Test
    void answersAMalformedClientMessageWithAnError() {
        try (Ws ws = Ws.open(port, null, alice.token())) {
            ws.send("{\"subscribe\":[\"weather\"]}");
            Frame error = ws.await(f -> "error".equals(f.type()));
            assertThat(error.field("detail")).contains("weather");
        }
    }

    @Test
    void negotiatesPermessageDeflate() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            String handshake = "GET /ws HTTP/1.1\r\n"
                    + "Host: 127.0.0.1:" + port + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n"
                    + "Authorization: Bearer " + alice.token() + "\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(handshake.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            List<String> head = new ArrayList<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                head.add(line.toLowerCase());
            }
            assertThat(head.get(0)).contains("101");
            assertThat(head)
                    .anyMatch(h -> h.startsWith("sec-websocket-extensions:") && h.contains("permessage-deflate"));
        }
    }

    @Test
    void aLowStockAlertIsRedeliveredAfterAReconnectUntilAcknowledged() throws Exception {
        String item = sku("LOW");
        stock(alice, item, 10, 5);
        long lowId;
        try (Ws first = Ws.open(port, null, alice.token())) {
            first.send("{\"subscribe\":[\"inventory\"]}");
            awaitSubscribed();
            stock(alice, item, 2, 5);
            lowId = first.await(f -> "stock.low".equals(f.type()) && item.equals(f.field("sku")))
                    .id();
        }
        try (Ws second = Ws.open(port, null, alice.token())) {
            // live from now: the alert can only come as a redelivery, then again periodically
            second.send("{\"subscribe\":[\"inventory\"]}");
            second.await(f -> f.id() == lowId);
            second.awaitCount(f -> f.id() == lowId, 2);
            second.send("{\"ack\":" + lowId + "}");
            Thread.sleep(300);
            long copies = second.count(f -> f.id() == lowId);
            Thread.sleep(2500);
            assertThat(second.count(f -> f.id() == lowId)).isEqualTo(copies);
        }
        try (Ws third = Ws.open(port, null, alice.token())) {
            third.send("{\"subscribe\":[\"inventory\"]}");
            Thread.sleep(1500);
            assertThat(third.count(f -> f.id() == lowId)).isZero();
        }
    }

    private HttpResponse<InputStream> openSse(String query) throws IOException, InterruptedException {
        return openSse(port, query);
    }

    static HttpResponse<InputStream> openSse(int port, String query) throws IOException, InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/stream" + query))
                        .header("Accept", "text/event-stream")
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    private URI wsUri(String query) {
        return URI.create("ws://127.0.0.1:" + port + "/ws" + query);
    }

    static String ticket(ApiClient client) {
        ApiClient.Response r = client.send("POST", "/api/stream/tickets", null, Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("expiresIn").asInt()).isEqualTo(30);
        return r.json().get("ticket").asText();
    }

    /** A subscription starts when the server has read the message: give it a moment. */
    private static void awaitSubscribed() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String sku(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void stock(ApiClient client, String sku, int onHand) {
        stock(client, sku, onHand, 0);
    }

    private static void stock(ApiClient client, String sku, int onHand, int threshold) {
        var r = client.put(
                "/api/inventory/" + sku, Map.of("onHand", onHand, "lowStockThreshold", threshold, "name", sku));
        assertThat(r.status()).as(r.body()).isIn(200, 201);
    }

    /** One server frame. */
    record Frame(long id, String type, JsonNode data) {

        String field(String name) {
            JsonNode value = data == null ? null : data.get(name);
            return value == null || value.isNull() ? null : value.asText();
        }
    }

    /** A WebSocket stream client collecting frames. */
    static final class Ws implements WebSocket.Listener, AutoCloseable {

        private final List<Frame> frames = new ArrayList<>();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;
        private volatile int closeCode = -1;
        private volatile String closeReason;

        static Ws open(int port, String query, String token) {
            Ws ws = new Ws();
            WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
            if (token != null) {
                builder.header("Authorization", "Bearer " + token);
            }
            try {
                ws.socket = builder.buildAsync(
                                URI.create("ws://127.0.0.1:" + port + "/ws" + (query == null ? "" : query)), ws)
                        .get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("WebSocket did not open", e);
            }
            return ws;
        }

        void send(String text) {
            socket.sendText(text, true).join();
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode node = JSON.readTree(partial.toString());
                    synchronized (this) {
                        frames.add(new Frame(
                                node.path("id").asLong(-1), node.path("type").asText(null), node.get("data")));
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeReason = reason;
            closeCode = statusCode;
            return null;
        }

        int closeCode() {
            return closeCode;
        }

        String closeReason() {
            return closeReason;
        }

        void awaitClosed() {
            Instant deadline = Instant.now().plus(WAIT);
            while (closeCode < 0) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("not closed");
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }

        synchronized List<Frame> frames() {
            return List.copyOf(frames);
        }

        long count(Predicate<Frame> match) {
            return frames().stream().filter(match).count();
        }

        void awaitCount(Predicate<Frame> match, long count) {
            Instant deadline = Instant.now().plus(WAIT);
            while (count(match) < count) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("timed out; received " + frames());
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }

        Frame await(Predicate<Frame> match) {
            Instant deadline = Instant.now().plus(WAIT);
            while (true) {
                Frame found = frames().stream().filter(match).findFirst().orElse(null);
                if (found != null) {
                    return found;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("timed out; received " + frames());
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }

        @Override
        public void close() {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                socket.abort();
            }
        }
    }
}

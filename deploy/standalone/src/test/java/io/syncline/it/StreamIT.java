package io.syncline.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.syncline.platform.test.ApiClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** The live stream over real SSE connections: tenancy, topics, resuming with Last-Event-ID, keep-alive. */
@TestPropertySource(properties = "syncline.stream.heartbeat=PT1S")
class StreamIT extends StandaloneIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void streamsTheMerchantsOwnOrdersAndStockAndNothingOfAnotherMerchant() {
        try (Sse aliceAll = Sse.open(port, alice.token(), "", null);
                Sse aliceOrders = Sse.open(port, alice.token(), "?topics=orders", null);
                Sse bobAll = Sse.open(port, bob.token(), "", null)) {
            String item = sku("MUG");
            stock(alice, item, 10);
            stock(bob, item, 10);
            String aliceOrder = placeAndWait(alice, item, 2);
            String bobOrder = placeAndWait(bob, item, 1);

            Event placed = aliceAll.await(
                    e -> e.is("order.placed") && e.field("orderId").equals(aliceOrder));
            aliceAll.await(e -> e.is("order.confirmed") && e.field("orderId").equals(aliceOrder));
            aliceAll.await(e -> e.is("stock.changed")
                    && e.field("sku").equals(item)
                    && e.data().get("reserved").asInt() == 2);
            bobAll.await(e -> e.is("order.confirmed") && e.field("orderId").equals(bobOrder));
            // committed after all of bob's messages: once alice has it, she would have had any of his
            String marker = sku("MARKER");
            stock(alice, marker, 1);
            aliceAll.await(e -> e.is("stock.changed") && e.field("sku").equals(marker));

            assertThat(placed.field("status")).isEqualTo("PENDING");
            assertThat(placed.field("channel")).isEqualTo("web");
            assertThat(placed.data().get("lines").get(0).get("sku").asText()).isEqualTo(item);
            assertThat(placed.data().get("lines").get(0).get("quantity").asInt())
                    .isEqualTo(2);
            Event counted = aliceAll.received().stream()
                    .filter(e -> e.is("stock.changed") && e.field("sku").equals(item))
                    .findFirst()
                    .orElseThrow();
            assertThat(counted.data().get("onHand").asInt()).isEqualTo(10);
            assertThat(counted.data().get("available").asInt()).isEqualTo(10);
            assertThat(counted.field("name")).isEqualTo(item);
            assertThat(counted.data().has("at")).isTrue();

            List<Event> seen = aliceAll.received();
            assertThat(seen).extracting(Event::merchantId).containsOnly("m1");
            assertThat(seen).noneMatch(e -> bobOrder.equals(e.field("orderId")));
            assertIncreasingIds(seen);
            assertThat(bobAll.received()).extracting(Event::merchantId).containsOnly("m2");
            assertThat(bobAll.received()).noneMatch(e -> aliceOrder.equals(e.field("orderId")));

            aliceOrders.await(e -> e.is("order.confirmed") && e.field("orderId").equals(aliceOrder));
            assertThat(aliceOrders.received()).extracting(Event::type).allMatch(t -> t.startsWith("order."));
        }
    }

    @Test
    void aClientResumingWithLastEventIdGetsEveryMissedMessageOnceInOrder() {
        String item = sku("RESUME");
        try (Sse watcher = Sse.open(port, alice.token(), "", null)) {
            String lastSeen;
            try (Sse first = Sse.open(port, alice.token(), "", null)) {
                stock(alice, item, 1);
                lastSeen = first.await(e -> e.is("stock.changed")
                                && e.field("sku").equals(item)
                                && e.data().get("onHand").asInt() == 1)
                        .id();
            }
            // missed while away
            for (int onHand = 2; onHand <= 4; onHand++) {
                stock(alice, item, onHand);
            }
            String order = placeAndWait(alice, item, 1);
            String marker = sku("MARKER");
            stock(alice, marker, 1);
            Event last =
                    watcher.await(e -> e.is("stock.changed") && e.field("sku").equals(marker));
            List<String> missed = idsAfter(watcher.received(), lastSeen);
            assertThat(missed).hasSizeGreaterThanOrEqualTo(6);
            assertThat(watcher.received())
                    .anyMatch(e -> e.is("order.confirmed") && e.field("orderId").equals(order));

            try (Sse resumed = Sse.open(port, alice.token(), "", lastSeen)) {
                resumed.await(e -> e.id().equals(last.id()));
                stock(alice, item, 9);
                Event live = resumed.await(e -> e.is("stock.changed")
                        && e.field("sku").equals(item)
                        && e.data().get("onHand").asInt() == 9);

                List<String> expected = new ArrayList<>(missed);
                expected.add(live.id());
                assertThat(resumed.received()).extracting(Event::id).containsExactlyElementsOf(expected);
            }
            try (Sse byParameter = Sse.open(port, alice.token(), "?lastEventId=" + lastSeen, null)) {
                byParameter.await(e -> e.id().equals(last.id()));
                assertThat(byParameter.received().subList(0, missed.size()))
                        .extracting(Event::id)
                        .containsExactlyElementsOf(missed);
            }
        }
    }

    @Test
    void sendsARetryHintAndHeartbeatsOnAnUnbufferedStream() {
        try (Sse sse = Sse.open(port, alice.token(), "", null)) {
            assertThat(sse.status).isEqualTo(200);
            assertThat(sse.headers.get("content-type")).startsWith("text/event-stream");
            assertThat(sse.headers.get("x-accel-buffering")).isEqualTo("no");
            assertThat(sse.headers.get("cache-control")).contains("no-cache");

            sse.awaitCondition(() -> sse.retry() != null && sse.heartbeats() >= 2, "retry hint and two heartbeats");
            assertThat(sse.retry()).isEqualTo("3000");
        }
    }

    @Test
    void refusesUnknownTopicsAndCallersWithoutAToken() {
        ApiClient.Response unknown =
                alice.send("GET", "/api/stream?topics=orders,weather", null, Map.of("Accept", "text/event-stream"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.header("content-type")).startsWith("application/problem+json");
        assertThat(unknown.json().get("errors").get(0).get("field").asText()).isEqualTo("topics");

        assertThat(client().get("/api/stream").status()).isEqualTo(401);
    }

    @Test
    void theApiDocsDescribeTheStream() {
        JsonNode stream = client().get("/v3/api-docs")
                .json()
                .path("paths")
                .path("/api/stream")
                .path("get");

        assertThat(stream.isMissingNode()).isFalse();
        assertThat(stream.path("responses").path("200").path("content").has("text/event-stream"))
                .isTrue();
    }

    private static void assertIncreasingIds(List<Event> events) {
        for (int i = 1; i < events.size(); i++) {
            assertThat(Long.parseLong(events.get(i).id()))
                    .isGreaterThan(Long.parseLong(events.get(i - 1).id()));
        }
    }

    private static List<String> idsAfter(List<Event> events, String id) {
        List<String> ids = events.stream().map(Event::id).toList();
        return ids.subList(ids.indexOf(id) + 1, ids.size());
    }

    private static String sku(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void stock(ApiClient client, String sku, int onHand) {
        var r = client.put("/api/inventory/" + sku, Map.of("onHand", onHand, "lowStockThreshold", 0, "name", sku));
        assertThat(r.status()).as(r.body()).isIn(200, 201);
    }

    private static String placeAndWait(ApiClient client, String sku, int quantity) {
        var r = client.send(
                "POST",
                "/api/orders",
                Map.of(
                        "channel",
                        "web",
                        "channelOrderId",
                        UUID.randomUUID().toString(),
                        "lines",
                        List.of(Map.of("sku", sku, "quantity", quantity))),
                Map.of("Prefer", "wait=20", "Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(r.status()).as(r.body()).isIn(201, 202);
        return r.json().get("orderId").asText();
    }

    /** One SSE message as a client sees it. */
    record Event(String id, String type, JsonNode data) {

        boolean is(String eventType) {
            return eventType.equals(type);
        }

        String merchantId() {
            return field("merchantId");
        }

        String field(String name) {
            JsonNode value = data.get(name);
            return value == null || value.isNull() ? null : value.asText();
        }
    }

    /** A Server-Sent Events client reading the stream line by line on its own thread. */
    static final class Sse implements AutoCloseable {

        private final List<Event> events = new ArrayList<>();
        private final InputStream body;
        private final Thread reader;
        private String retry;
        private int heartbeats;
        final int status;
        final Map<String, String> headers = new LinkedHashMap<>();

        private Sse(HttpResponse<InputStream> response) {
            this.status = response.statusCode();
            response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
            this.body = response.body();
            this.reader = new Thread(this::read, "sse-client");
            this.reader.setDaemon(true);
            this.reader.start();
        }

        static Sse open(int port, String token, String query, String lastEventId) {
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/stream" + query))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "text/event-stream")
                    .GET();
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            try {
                HttpClient http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
                Sse sse = new Sse(http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
                assertThat(sse.status).as("stream status").isEqualTo(200);
                return sse;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String id = null;
                String type = null;
                StringBuilder data = null;
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.isEmpty()) {
                        if (data != null) {
                            add(new Event(id, type, JSON.readTree(data.toString())));
                        }
                        type = null;
                        data = null;
                    } else if (line.startsWith(":")) {
                        synchronized (this) {
                            heartbeats++;
                        }
                    } else {
                        int colon = line.indexOf(':');
                        String field = colon < 0 ? line : line.substring(0, colon);
                        String value = colon < 0 ? "" : line.substring(colon + 1);
                        value = value.startsWith(" ") ? value.substring(1) : value;
                        switch (field) {
                            case "id" -> id = value;
                            case "event" -> type = value;
                            case "data" ->
                                data = data == null
                                        ? new StringBuilder(value)
                                        : data.append('\n').append(value);
                            case "retry" -> {
                                synchronized (this) {
                                    retry = value;
                                }
                            }
                            default -> {
                                // ignored, as the specification says
                            }
                        }
                    }
                }
            } catch (IOException e) {
                // closed by the test
            }
        }

        private synchronized void add(Event event) {
            events.add(event);
        }

        synchronized List<Event> received() {
            return List.copyOf(events);
        }

        synchronized String retry() {
            return retry;
        }

        synchronized int heartbeats() {
            return heartbeats;
        }

        /** The first message received so far or later that matches. */
        Event await(Predicate<Event> match) {
            Event[] found = new Event[1];
            awaitCondition(
                    () -> {
                        found[0] = received().stream().filter(match).findFirst().orElse(null);
                        return found[0] != null;
                    },
                    "a matching message; received " + received());
            return found[0];
        }

        void awaitCondition(java.util.function.BooleanSupplier condition, String what) {
            Instant deadline = Instant.now().plus(WAIT);
            while (!condition.getAsBoolean()) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("timed out waiting for " + what);
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
                body.close();
            } catch (IOException ignored) {
                // the connection is going anyway
            }
            reader.interrupt();
        }
    }
}

package io.syncline.it;

import io.syncline.platform.test.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The distributed topology: inventory, orders and gateway as three processes from their executable
 * jars, talking only through the Axon Server named by {@code SYNCLINE_AXONSERVER} (host:port), each
 * on its own fresh PostgreSQL database. Orders flow across the services; the gateway's event browser
 * and live stream follow the events Axon Server routes to it. Skipped unless that variable is set;
 * needs {@code ./mvnw -DskipTests package} first for the jars.
 */
@EnabledIfEnvironmentVariable(named = "SYNCLINE_AXONSERVER", matches = ".+")
class DistributedTopologyIT {

    private static final List<String> MODULES = List.of("inventory-service", "orders-service", "gateway");
    private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
    private static final Path WORK = Path.of("target", "distributed-it").toAbsolutePath();
    /** Three JVMs starting at once on a small, busy machine take their time. */
    private static final Duration READY_WITHIN = Duration.ofSeconds(240);
    private static final Duration SETTLED_WITHIN = Duration.ofSeconds(20);
    /** A fresh gateway first catches up on every event Axon Server holds, earlier runs' too. */
    private static final Duration LOGGED_WITHIN = Duration.ofSeconds(60);

    /** Gateway users: {@code alice} OPERATOR and {@code root} ADMIN of m1, {@code rose} ADMIN of m2. */
    private static final List<GatewayUser> USERS = List.of(
            new GatewayUser("alice", "m1", "OPERATOR"),
            new GatewayUser("root", "m1", "ADMIN"),
            new GatewayUser("rose", "m2", "ADMIN"));
    private static final String PASSWORD = "secret";

    private static final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private static boolean failed;

    @RegisterExtension
    static final TestWatcher FAILURES = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            failed = true;
        }
    };

    private static ApiClient alice;
    private static ApiClient root;
    private static ApiClient rose;

    @BeforeAll
    static void startServices() throws IOException {
        Map<String, Path> jars = new LinkedHashMap<>();
        for (String module : MODULES) {
            Path jar = ServiceProcess.executableJar(ROOT, module);
            assumeTrue(jar != null, () -> "No executable jar in " + ServiceProcess.target(ROOT, module)
                    + ": run ./mvnw -DskipTests package first");
            jars.put(module, jar);
        }
        String axonServer = System.getenv("SYNCLINE_AXONSERVER").strip();
        requireReachable(axonServer);
        Files.createDirectories(WORK);

        for (String module : MODULES) {
            Map<String, String> env = module.equals("gateway") ? gatewayUsers() : Map.of();
            services.put(module, ServiceProcess.start(module, jars.get(module), WORK, axonServer, env));
        }
        try {
            long deadline = System.nanoTime() + READY_WITHIN.toNanos();
            for (ServiceProcess service : services.values()) {
                service.awaitReady(deadline);
            }
        } catch (RuntimeException e) {
            failed = true;
            throw e;
        }
        alice = gateway().login("alice", PASSWORD);
        root = gateway().login("root", PASSWORD);
        rose = gateway().login("rose", PASSWORD);
    }

    @AfterAll
    static void stopServices() {
        if (failed) {
            services.values().forEach(ServiceProcess::dumpLog);
        }
        services.values().forEach(ServiceProcess::stop);
    }

    @Test
    void confirmsAnOrderAcrossServicesAndRejectsOneThatExceedsStock() {
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String mug = "DT-MUG-" + suffix;
        String cap = "DT-CAP-" + suffix;
        assertThat(putStock(mug, 10).status()).isEqualTo(201);
        assertThat(putStock(cap, 5).status()).isEqualTo(201);

        JsonNode confirmed = placeOrder("dt-" + suffix + "-1", List.of(line(mug, 3), line(cap, 2)));
        assertThat(confirmed.get("status").asText()).as("order %s", confirmed).isEqualTo("CONFIRMED");
        JsonNode mugView = awaitStock(mug, v -> v.get("reserved").asInt() == 3);
        assertThat(mugView.get("onHand").asInt()).isEqualTo(10);
        assertThat(mugView.get("available").asInt()).isEqualTo(7);
        assertThat(awaitStock(cap, v -> v.get("reserved").asInt() == 2).get("available").asInt()).isEqualTo(3);

        // the mug line fits, the cap line does not: the mug's reservation must be given back
        JsonNode rejected = placeOrder("dt-" + suffix + "-2", List.of(line(mug, 1), line(cap, 4)));
        assertThat(rejected.get("status").asText()).as("order %s", rejected).isEqualTo("REJECTED");
        JsonNode order = alice.get("/api/orders/" + rejected.get("orderId").asText()).json();
        assertThat(order.get("reason").asText()).isEqualTo("OUT_OF_STOCK:" + cap);
        // two more events on the mug (its reservation and the release) before it may be judged
        long mugVersion = mugView.get("version").asLong();
        JsonNode mugAfter = awaitStock(mug, v -> v.get("version").asLong() >= mugVersion + 2);
        assertThat(mugAfter.get("reserved").asInt()).as("mug %s", mugAfter).isEqualTo(3);
        assertThat(mugAfter.get("available").asInt()).isEqualTo(7);
        JsonNode capAfter = alice.get("/api/inventory/" + cap).json();
        assertThat(capAfter.get("reserved").asInt()).as("cap %s", capAfter).isEqualTo(2);
        assertThat(capAfter.get("available").asInt()).isEqualTo(3);
    }

    @Test
    void browsesAnOrdersEventsOnTheGatewayWithTheRequestsCorrelationIdAndUser() {
        String correlationId = "dt-browse-" + UUID.randomUUID();
        String orderId = placeStockedOrder(root, correlationId);

        List<JsonNode> events = awaitEvents(root, orderId, "OrderConfirmed");

        assertThat(events).extracting(e -> e.get("type").asText()).startsWith("OrderPlaced")
                .contains("OrderConfirmed");
        // every event of the order, in the order the aggregate wrote them
        assertThat(events).extracting(e -> e.get("sequence").asLong())
                .containsExactlyElementsOf(LongStream.range(0, events.size()).boxed().toList());
        assertThat(events).extracting(e -> e.get("position").asLong()).isSorted().doesNotHaveDuplicates();
        for (JsonNode event : events) {
            assertThat(event.get("aggregateId").asText()).isEqualTo(orderId);
            assertThat(event.get("aggregateType").asText()).as("event %s", event).isNotBlank();
            assertThat(Instant.parse(event.get("timestamp").asText())).isBefore(Instant.now().plusSeconds(5));
            assertThat(event.get("payload").get("orderId").asText()).as("event %s", event).isEqualTo(orderId);
            assertThat(event.get("payload").get("merchantId").asText()).isEqualTo("m1");
            // the request's id travels through the commands and events it caused, across the services
            assertThat(event.get("metadata").path("correlationId").asText()).as("event %s", event)
                    .isEqualTo(correlationId);
            assertThat(event.get("metadata").path("userId").asText()).as("event %s", event).isEqualTo("root");
        }
        JsonNode placed = events.get(0).get("payload");
        assertThat(placed.get("channel").asText()).isEqualTo("WEB");
        assertThat(placed.get("lines").get(0).get("quantity").asInt()).isEqualTo(1);
    }

    @Test
    void pagesThroughAnOrdersEventsWithTheNextCursor() {
        String orderId = placeStockedOrder(root, "dt-page-" + UUID.randomUUID());
        List<JsonNode> all = awaitEvents(root, orderId, "OrderConfirmed");

        List<Long> paged = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            ApiClient.Response r = root.get("/api/events?limit=1&aggregateId=" + orderId
                    + (next == null ? "" : "&after=" + URLEncoder.encode(next, StandardCharsets.UTF_8)));
            assertThat(r.status()).as("page %d: %s", pages, r).isEqualTo(200);
            JsonNode page = r.json();
            assertThat(page.get("items").size()).isLessThanOrEqualTo(1);
            page.get("items").forEach(e -> paged.add(e.get("position").asLong()));
            next = page.get("next").isNull() ? null : page.get("next").asText();
            pages++;
        } while (next != null && pages <= all.size() + 1);

        assertThat(paged).containsExactlyElementsOf(all.stream().map(e -> e.get("position").asLong()).toList());
        assertThat(next).as("a cursor after the last page").isNull();
    }

    @Test
    void anotherMerchantsAdminSeesNoneOfTheOrdersEvents() {
        String own = placeStockedOrder(root, "dt-own-" + UUID.randomUUID());
        String foreign = placeStockedOrder(rose, "dt-foreign-" + UUID.randomUUID());
        awaitEvents(root, own, "OrderConfirmed");
        // rose's own order shows, so an empty answer below is the merchant filter, not a lagging log
        awaitEvents(rose, foreign, "OrderConfirmed");

        assertThat(events(rose, "/api/events?aggregateId=" + own).get("items")).isEmpty();
        assertThat(events(root, "/api/events?aggregateId=" + foreign).get("items")).isEmpty();
        JsonNode everything = events(rose, "/api/events?limit=200").get("items");
        assertThat(everything).isNotEmpty();
        everything.forEach(e -> assertThat(e.get("payload").get("merchantId").asText()).isEqualTo("m2"));
        assertThat(alice.get("/api/events?aggregateId=" + own).status()).as("OPERATOR").isEqualTo(403);
    }

    @Test
    void streamsAnOrderPlacedThroughTheGatewayToAnSseClient() {
        int port = services.get("gateway").port();
        try (StreamIT.Sse orders = StreamIT.Sse.open(port, alice.token(), "?topics=orders", null)) {
            String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            String sku = "DT-SSE-" + suffix;
            assertThat(putStock(alice, sku, 4).status()).isEqualTo(201);
            JsonNode order = placeOrder(alice, "dt-" + suffix + "-sse", List.of(line(sku, 2)), Map.of());
            String orderId = order.get("orderId").asText();

            StreamIT.Event placed = orders.await(e -> e.is("order.placed") && orderId.equals(e.field("orderId")));
            StreamIT.Event confirmed = orders.await(e -> e.is("order.confirmed")
                    && orderId.equals(e.field("orderId")));

            assertThat(placed.merchantId()).isEqualTo("m1");
            assertThat(placed.field("status")).isEqualTo("PENDING");
            assertThat(placed.data().get("lines").get(0).get("sku").asText()).isEqualTo(sku);
            assertThat(confirmed.field("status")).isEqualTo("CONFIRMED");
            assertThat(Long.parseLong(confirmed.id())).isGreaterThan(Long.parseLong(placed.id()));
            assertThat(orders.received()).extracting(StreamIT.Event::type).allMatch(t -> t.startsWith("order."));
            assertThat(orders.received()).extracting(StreamIT.Event::merchantId).containsOnly("m1");
        }
    }

    private static ApiClient gateway() {
        return new ApiClient(services.get("gateway").port());
    }

    /** Stocks a fresh SKU and places a one-line order of it as {@code client}; returns the order id. */
    private static String placeStockedOrder(ApiClient client, String correlationId) {
        String sku = "DT-EVT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(putStock(client, sku, 5).status()).isEqualTo(201);
        JsonNode order = placeOrder(client, "dt-" + UUID.randomUUID(), List.of(line(sku, 1)),
                Map.of("X-Correlation-Id", correlationId));
        assertThat(order.get("status").asText()).as("order %s", order).isEqualTo("CONFIRMED");
        return order.get("orderId").asText();
    }

    /** The order's events once the event log holds one of {@code type}; the log follows Axon Server. */
    private static List<JsonNode> awaitEvents(ApiClient client, String orderId, String type) {
        long deadline = System.nanoTime() + LOGGED_WITHIN.toNanos();
        List<JsonNode> found = new ArrayList<>();
        do {
            found.clear();
            events(client, "/api/events?limit=200&aggregateId=" + orderId).get("items").forEach(found::add);
            if (found.stream().anyMatch(e -> type.equals(e.get("type").asText()))) {
                return found;
            }
            ServiceProcess.sleep(Duration.ofMillis(250));
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no " + type + " of " + orderId + " in the event log within " + LOGGED_WITHIN
                + ": " + found);
    }

    private static JsonNode events(ApiClient client, String path) {
        ApiClient.Response r = client.get(path);
        assertThat(r.status()).as("GET %s: %s", path, r).isEqualTo(200);
        return r.json();
    }

    private static ApiClient.Response putStock(String sku, int onHand) {
        return putStock(alice, sku, onHand);
    }

    private static ApiClient.Response putStock(ApiClient client, String sku, int onHand) {
        return client.put("/api/inventory/" + sku, Map.of("onHand", onHand, "lowStockThreshold", 1, "name", sku));
    }

    private static Map<String, Object> line(String sku, int quantity) {
        return Map.of("sku", sku, "quantity", quantity);
    }

    /** Places an order and waits for the decision; returns the response body. */
    private static JsonNode placeOrder(String channelOrderId, List<Map<String, Object>> lines) {
        return placeOrder(alice, channelOrderId, lines, Map.of());
    }

    private static JsonNode placeOrder(ApiClient client, String channelOrderId, List<Map<String, Object>> lines,
                                       Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put("Prefer", "wait=20");
        headers.put("Idempotency-Key", UUID.randomUUID().toString());
        ApiClient.Response r = client.send("POST", "/api/orders",
                Map.of("channel", "WEB", "channelOrderId", channelOrderId, "lines", lines), headers);
        assertThat(r.status()).as("POST /api/orders: %s", r).isBetween(200, 202);
        return r.json();
    }

    /** The stock view once {@code settled} holds; the read model follows the events shortly after. */
    private static JsonNode awaitStock(String sku, Predicate<JsonNode> settled) {
        long deadline = System.nanoTime() + SETTLED_WITHIN.toNanos();
        JsonNode view;
        do {
            ApiClient.Response r = alice.get("/api/inventory/" + sku);
            assertThat(r.status()).as("GET /api/inventory/%s: %s", sku, r).isEqualTo(200);
            view = r.json();
            if (settled.test(view)) {
                return view;
            }
            ServiceProcess.sleep(Duration.ofMillis(250));
        } while (System.nanoTime() < deadline);
        throw new AssertionError("stock " + sku + " did not settle within " + SETTLED_WITHIN + ": " + view);
    }

    private static void requireReachable(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        if (colon < 1) {
            throw new IllegalStateException("SYNCLINE_AXONSERVER must be host:port, not " + hostAndPort);
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(hostAndPort.substring(0, colon),
                    Integer.parseInt(hostAndPort.substring(colon + 1))), 3_000);
        } catch (IOException e) {
            throw new IllegalStateException("No Axon Server answers at " + hostAndPort, e);
        }
    }

    /** The gateway's users as {@code syncline.users[N]} environment variables. */
    private static Map<String, String> gatewayUsers() {
        Map<String, String> env = new LinkedHashMap<>();
        for (int i = 0; i < USERS.size(); i++) {
            GatewayUser user = USERS.get(i);
            env.put("SYNCLINE_USERS_" + i + "_USERNAME", user.username());
            env.put("SYNCLINE_USERS_" + i + "_PASSWORD", PASSWORD);
            env.put("SYNCLINE_USERS_" + i + "_MERCHANT", user.merchant());
            env.put("SYNCLINE_USERS_" + i + "_ROLES", user.roles());
        }
        return env;
    }

    private record GatewayUser(String username, String merchant, String roles) {
    }
}

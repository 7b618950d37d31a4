package io.syncline.it;

import static io.syncline.it.DistributedCalls.awaitEvents;
import static io.syncline.it.DistributedCalls.awaitOrder;
import static io.syncline.it.DistributedCalls.awaitPath;
import static io.syncline.it.DistributedCalls.awaitStock;
import static io.syncline.it.DistributedCalls.decidedOrder;
import static io.syncline.it.DistributedCalls.get;
import static io.syncline.it.DistributedCalls.inventory;
import static io.syncline.it.DistributedCalls.items;
import static io.syncline.it.DistributedCalls.line;
import static io.syncline.it.DistributedCalls.place;
import static io.syncline.it.DistributedCalls.placeOrder;
import static io.syncline.it.DistributedCalls.putStock;
import static io.syncline.it.DistributedCalls.sku;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncline.platform.test.ApiClient;
import io.syncline.simulator.ChannelSimulator;
import io.syncline.simulator.ItemConfig;
import io.syncline.simulator.ShopConfig;
import io.syncline.simulator.SimulatorConfig;
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
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The distributed topology: inventory, orders, conflicts and gateway as four processes from their executable
 * jars, talking only through the Axon Server named by {@code SYNCLINE_AXONSERVER} (host:port), each
 * on its own fresh PostgreSQL database. Every public route of the gateway is taken at least once, so
 * every command, query, subscription and their answers cross Axon Server; the event browser and the
 * live streams follow the events Axon Server routes to the gateway. Skipped unless that variable is
 * set; needs {@code ./mvnw -DskipTests package} first for the jars.
 */
@EnabledIfEnvironmentVariable(named = "SYNCLINE_AXONSERVER", matches = ".+")
class DistributedTopologyIT {

    private static final List<String> MODULES =
            List.of("inventory-service", "orders-service", "conflict-service", "gateway");
    private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
    private static final Path WORK = Path.of("target", "distributed-it").toAbsolutePath();
    /** Four JVMs starting at once on a small, busy machine take their time. */
    private static final Duration READY_WITHIN = Duration.ofSeconds(240);
    /** Axon Server keeps earlier runs' events: a merchant of this run only has lists of this run only. */
    private static final String RUN_MERCHANT =
            "dt-" + UUID.randomUUID().toString().substring(0, 8);

    /**
     * Gateway users: {@code alice} OPERATOR and {@code root} ADMIN of m1, {@code rose} ADMIN of m2,
     * {@code dora} OPERATOR of this run's merchant.
     */
    private static final List<GatewayUser> USERS = List.of(
            new GatewayUser("alice", "m1", "OPERATOR"),
            new GatewayUser("root", "m1", "ADMIN"),
            new GatewayUser("rose", "m2", "ADMIN"),
            new GatewayUser("dora", RUN_MERCHANT, "OPERATOR"));

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
    private static ApiClient dora;

    @BeforeAll
    static void startServices() throws IOException {
        Map<String, Path> jars = new LinkedHashMap<>();
        for (String module : MODULES) {
            Path jar = ServiceProcess.executableJar(ROOT, module);
            assumeTrue(
                    jar != null,
                    () -> "No executable jar in " + ServiceProcess.target(ROOT, module)
                            + ": run ./mvnw -DskipTests package first");
            jars.put(module, jar);
        }
        String axonServer = System.getenv("SYNCLINE_AXONSERVER").strip();
        requireReachable(axonServer);
        Files.createDirectories(WORK);

        for (String module : MODULES) {
            Map<String, String> env = module.equals("gateway")
                    ? gatewaySettings()
                    // a shop's report is judged a second after it arrived, so the conflict case is quick
                    : module.equals("conflict-service") ? Map.of("SYNCLINE_CONFLICTS_SETTLE_AFTER", "1s") : Map.of();
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
        dora = gateway().login("dora", PASSWORD);
    }

    @AfterAll
    static void stopServices() {
        if (failed) {
            services.values().forEach(ServiceProcess::dumpLog);
        }
        services.values().forEach(ServiceProcess::stop);
    }

    // ---- authentication ----

    @Test
    void issuesATokenForAUserAndNoneForAWrongPassword() {
        ApiClient.Response issued = gateway().post("/api/auth/token", Map.of("username", "dora", "password", PASSWORD));
        ApiClient.Response refused = gateway().post("/api/auth/token", Map.of("username", "dora", "password", "nope"));

        assertThat(issued.status()).as("token: %s", issued).isEqualTo(200);
        assertThat(issued.json().get("accessToken").asText()).isNotBlank();
        assertThat(refused.status()).as("wrong password: %s", refused).isEqualTo(401);
    }

    // ---- inventory ----

    @Test
    void definesASkuCountsItAgainAndAdjustsIt() {
        String sku = sku("DT-COUNT");

        ApiClient.Response defined = putStock(dora, sku, 10, 2, "Mug");
        ApiClient.Response counted = putStock(dora, sku, 8, 3, "Big mug");
        ApiClient.Response adjusted =
                dora.post(inventory(sku) + "/adjustments", Map.of("delta", -3, "reason", "breakage"));

        assertThat(defined.status()).as("first PUT: %s", defined).isEqualTo(201);
        assertThat(defined.json().get("onHand").asInt()).isEqualTo(10);
        assertThat(counted.status()).as("second PUT: %s", counted).isEqualTo(200);
        JsonNode view = counted.json();
        assertThat(view.get("onHand").asInt()).as("view %s", view).isEqualTo(8);
        assertThat(view.get("lowStockThreshold").asInt()).isEqualTo(3);
        assertThat(view.get("name").asText()).isEqualTo("Big mug");
        assertThat(view.get("available").asInt()).isEqualTo(8);
        assertThat(adjusted.status()).as("adjustment: %s", adjusted).isEqualTo(200);
        assertThat(adjusted.json().get("onHand").asInt())
                .as("view %s", adjusted.json())
                .isEqualTo(5);
        assertThat(adjusted.json().get("version").asLong())
                .isGreaterThan(view.get("version").asLong());
        assertThat(get(dora, inventory(sku)).get("onHand").asInt()).isEqualTo(5);
    }

    @Test
    void anUnknownOrAnotherMerchantsSkuIsNotFound() {
        String sku = sku("DT-MINE");
        assertThat(putStock(dora, sku, 5).status()).isEqualTo(201);

        assertThat(dora.get(inventory(sku("DT-NONE"))).status()).isEqualTo(404);
        assertThat(rose.get(inventory(sku)).status()).isEqualTo(404);
        ApiClient.Response foreign = rose.post(inventory(sku) + "/adjustments", Map.of("delta", 1, "reason", "x"));
        assertThat(foreign.status())
                .as("adjusting another merchant's SKU: %s", foreign)
                .isEqualTo(404);
        assertThat(get(dora, inventory(sku)).get("onHand").asInt()).isEqualTo(5);
    }

    @Test
    void listsTheMerchantsSkusAndOnlyTheLowOnesWhenAsked() {
        String low = sku("DT-LOW");
        String plenty = sku("DT-PLENTY");
        assertThat(putStock(dora, low, 1, 2, "Low").status()).isEqualTo(201);
        assertThat(putStock(dora, plenty, 10, 2, "Plenty").status()).isEqualTo(201);

        List<JsonNode> lowOnes = items(dora, "/api/inventory?low=true&size=200");
        List<JsonNode> all = items(dora, "/api/inventory?size=200");

        assertThat(lowOnes).extracting(v -> v.get("sku").asText()).contains(low).doesNotContain(plenty);
        assertThat(lowOnes)
                .allSatisfy(v ->
                        assertThat(v.get("low").asBoolean()).as("view %s", v).isTrue());
        assertThat(all).extracting(v -> v.get("sku").asText()).contains(low, plenty);
        assertThat(items(rose, "/api/inventory?size=200"))
                .extracting(v -> v.get("sku").asText())
                .doesNotContain(low, plenty);
    }

    // ---- orders ----

    @Test
    void confirmsAnOrderAcrossServicesAndRejectsOneThatExceedsStock() {
        String mug = sku("DT-MUG");
        String cap = sku("DT-CAP");
        assertThat(putStock(alice, mug, 10).status()).isEqualTo(201);
        assertThat(putStock(alice, cap, 5).status()).isEqualTo(201);

        JsonNode confirmed = placeOrder(alice, "dt-" + mug, List.of(line(mug, 3), line(cap, 2)), Map.of());
        assertThat(confirmed.get("status").asText()).as("order %s", confirmed).isEqualTo("CONFIRMED");
        JsonNode mugView = awaitStock(alice, mug, v -> v.get("reserved").asInt() == 3);
        assertThat(mugView.get("onHand").asInt()).isEqualTo(10);
        assertThat(mugView.get("available").asInt()).isEqualTo(7);
        assertThat(awaitStock(alice, cap, v -> v.get("reserved").asInt() == 2)
                        .get("available")
                        .asInt())
                .isEqualTo(3);

        // the mug line fits, the cap line does not: the mug's reservation must be given back
        JsonNode rejected = placeOrder(alice, "dt-" + cap, List.of(line(mug, 1), line(cap, 4)), Map.of());
        assertThat(rejected.get("status").asText()).as("order %s", rejected).isEqualTo("REJECTED");
        JsonNode order = get(alice, "/api/orders/" + rejected.get("orderId").asText());
        assertThat(order.get("reason").asText()).isEqualTo("OUT_OF_STOCK:" + cap);
        // two more events on the mug (its reservation and the release) before it may be judged
        long mugVersion = mugView.get("version").asLong();
        JsonNode mugAfter = awaitStock(alice, mug, v -> v.get("version").asLong() >= mugVersion + 2);
        assertThat(mugAfter.get("reserved").asInt()).as("mug %s", mugAfter).isEqualTo(3);
        assertThat(mugAfter.get("available").asInt()).isEqualTo(7);
        JsonNode capAfter = get(alice, inventory(cap));
        assertThat(capAfter.get("reserved").asInt()).as("cap %s", capAfter).isEqualTo(2);
        assertThat(capAfter.get("available").asInt()).isEqualTo(3);
    }

    @Test
    void placesAChannelOrderOnceAndFindsAndListsIt() {
        String sku = sku("DT-ONCE");
        assertThat(putStock(dora, sku, 5).status()).isEqualTo(201);
        String channelOrderId = "dt-" + UUID.randomUUID();

        ApiClient.Response first = place(dora, channelOrderId, List.of(line(sku, 2)), Map.of());
        ApiClient.Response again = place(dora, channelOrderId, List.of(line(sku, 2)), Map.of());

        assertThat(first.status()).as("first placement: %s", first).isEqualTo(201);
        String orderId = first.json().get("orderId").asText();
        assertThat(first.json().get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(again.status()).as("same channel order again: %s", again).isEqualTo(200);
        assertThat(again.json().get("orderId").asText()).isEqualTo(orderId);
        JsonNode found = get(dora, "/api/orders/" + orderId);
        assertThat(found.get("channelOrderId").asText()).isEqualTo(channelOrderId);
        assertThat(found.get("lines").get(0).get("sku").asText()).isEqualTo(sku);
        assertThat(items(dora, "/api/orders?status=CONFIRMED&size=200"))
                .extracting(o -> o.get("orderId").asText())
                .contains(orderId);
        assertThat(items(dora, "/api/orders?status=REJECTED&size=200"))
                .extracting(o -> o.get("orderId").asText())
                .doesNotContain(orderId);
        assertThat(rose.get("/api/orders/" + orderId).status()).isEqualTo(404);
        assertThat(dora.get("/api/orders/" + UUID.randomUUID()).status()).isEqualTo(404);
        // one order, one reservation
        assertThat(awaitStock(dora, sku, v -> v.get("reserved").asInt() == 2)
                        .get("available")
                        .asInt())
                .isEqualTo(3);
    }

    @Test
    void cancellingAnOrderReleasesItsStockAndAShippedOneCannotBeCancelled() {
        String sku = sku("DT-CANCEL");
        assertThat(putStock(dora, sku, 5).status()).isEqualTo(201);
        String cancelled = decidedOrder(dora, List.of(line(sku, 2)), "CONFIRMED");
        awaitStock(dora, sku, v -> v.get("reserved").asInt() == 2);

        ApiClient.Response cancel =
                dora.post("/api/orders/" + cancelled + "/cancellation", Map.of("reason", "changed"));

        assertThat(cancel.status()).as("cancellation: %s", cancel).isEqualTo(202);
        assertThat(awaitOrder(dora, cancelled, o -> o.get("status").asText().equals("CANCELLED"))
                        .get("reason")
                        .asText())
                .isEqualTo("changed");
        JsonNode released = awaitStock(dora, sku, v -> v.get("reserved").asInt() == 0);
        assertThat(released.get("available").asInt()).isEqualTo(5);
        assertThat(items(dora, "/api/orders?status=CANCELLED&size=200"))
                .extracting(o -> o.get("orderId").asText())
                .contains(cancelled);

        String shipped = decidedOrder(dora, List.of(line(sku, 1)), "CONFIRMED");
        assertThat(dora.post("/api/orders/" + shipped + "/shipment", null).status())
                .isEqualTo(202);
        awaitOrder(dora, shipped, o -> o.get("status").asText().equals("SHIPPED"));
        ApiClient.Response late = dora.post("/api/orders/" + shipped + "/cancellation", null);
        assertThat(late.status()).as("cancelling a shipped order: %s", late).isEqualTo(409);
    }

    @Test
    void aSkusHistoryAndInsightsAreReadFromTheInventoryServiceAcrossAxonServer() {
        String sku = sku("DT-HIST");
        assertThat(putStock(dora, sku, 10).status()).isEqualTo(201);
        String orderId = decidedOrder(dora, List.of(line(sku, 3)), "CONFIRMED");
        awaitStock(dora, sku, v -> v.get("reserved").asInt() == 3);

        JsonNode window = awaitPath(
                dora,
                "/api/inventory/" + sku + "/history?from=2020-01-01T00:00:00Z",
                w -> w.get("items").size() == 3);
        JsonNode reserved = window.get("items").get(2);
        assertThat(reserved.get("type").asText()).isEqualTo("StockReserved");
        assertThat(reserved.get("orderId").asText()).isEqualTo(orderId);
        // the order's channel comes from the order's own events, stored in Axon Server
        assertThat(reserved.get("channel").asText()).isEqualTo("WEB");
        JsonNode then = get(
                dora,
                "/api/inventory/" + sku + "/history?at=" + reserved.get("at").asText());
        assertThat(then.get("available").asInt()).isEqualTo(7);

        JsonNode insights = awaitPath(
                dora,
                "/api/inventory/" + sku + "/insights",
                i -> i.get("velocity").get("lastHour").asDouble() == 72.0);
        assertThat(insights.get("available").asInt()).isEqualTo(7);
        assertThat(insights.get("daysOfCover").asDouble()).isGreaterThan(0);
    }

    @Test
    void shippingTurnsAConfirmedOrdersReservationIntoADeductionAndNeedsAConfirmedOrder() {
        String sku = sku("DT-SHIP");
        assertThat(putStock(dora, sku, 3).status()).isEqualTo(201);
        String rejected = decidedOrder(dora, List.of(line(sku, 5)), "REJECTED");
        String confirmed = decidedOrder(dora, List.of(line(sku, 2)), "CONFIRMED");
        awaitStock(dora, sku, v -> v.get("reserved").asInt() == 2);

        ApiClient.Response belowReserved =
                dora.post(inventory(sku) + "/adjustments", Map.of("delta", -2, "reason", "lost"));
        ApiClient.Response shipRejected = dora.post("/api/orders/" + rejected + "/shipment", null);
        ApiClient.Response ship = dora.post("/api/orders/" + confirmed + "/shipment", null);

        assertThat(belowReserved.status())
                .as("on-hand below reserved: %s", belowReserved)
                .isEqualTo(409);
        assertThat(shipRejected.status())
                .as("shipping a rejected order: %s", shipRejected)
                .isEqualTo(409);
        assertThat(ship.status()).as("shipment: %s", ship).isEqualTo(202);
        awaitOrder(dora, confirmed, o -> o.get("status").asText().equals("SHIPPED"));
        JsonNode deducted = awaitStock(dora, sku, v -> v.get("reserved").asInt() == 0);
        assertThat(deducted.get("onHand").asInt()).as("stock %s", deducted).isEqualTo(1);
        assertThat(deducted.get("available").asInt()).isEqualTo(1);
        assertThat(dora.post("/api/orders/" + confirmed + "/shipment", null).status())
                .as("shipped twice")
                .isEqualTo(409);
        assertThat(items(dora, "/api/orders?status=SHIPPED&size=200"))
                .extracting(o -> o.get("orderId").asText())
                .contains(confirmed);
    }

    // ---- event browser ----

    @Test
    void browsesAnOrdersEventsOnTheGatewayWithTheRequestsCorrelationIdAndUser() {
        String correlationId = "dt-browse-" + UUID.randomUUID();
        String orderId = placeStockedOrder(root, correlationId);

        List<JsonNode> events = awaitEvents(root, orderId, "OrderConfirmed");

        assertThat(events)
                .extracting(e -> e.get("type").asText())
                .startsWith("OrderPlaced")
                .contains("OrderConfirmed");
        // every event of the order, in the order the aggregate wrote them
        assertThat(events)
                .extracting(e -> e.get("sequence").asLong())
                .containsExactlyElementsOf(
                        LongStream.range(0, events.size()).boxed().toList());
        assertThat(events)
                .extracting(e -> e.get("position").asLong())
                .isSorted()
                .doesNotHaveDuplicates();
        for (JsonNode event : events) {
            assertThat(event.get("aggregateId").asText()).isEqualTo(orderId);
            assertThat(event.get("aggregateType").asText())
                    .as("event %s", event)
                    .isNotBlank();
            assertThat(Instant.parse(event.get("timestamp").asText()))
                    .isBefore(Instant.now().plusSeconds(5));
            assertThat(event.get("payload").get("orderId").asText())
                    .as("event %s", event)
                    .isEqualTo(orderId);
            assertThat(event.get("payload").get("merchantId").asText()).isEqualTo("m1");
            // the request's id travels through the commands and events it caused, across the services
            assertThat(event.get("metadata").path("correlationId").asText())
                    .as("event %s", event)
                    .isEqualTo(correlationId);
            assertThat(event.get("metadata").path("userId").asText())
                    .as("event %s", event)
                    .isEqualTo("root");
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

        assertThat(paged)
                .containsExactlyElementsOf(
                        all.stream().map(e -> e.get("position").asLong()).toList());
        assertThat(next).as("a cursor after the last page").isNull();
    }

    @Test
    void anotherMerchantsAdminSeesNoneOfTheOrdersEvents() {
        String own = placeStockedOrder(root, "dt-own-" + UUID.randomUUID());
        String foreign = placeStockedOrder(rose, "dt-foreign-" + UUID.randomUUID());
        awaitEvents(root, own, "OrderConfirmed");
        // rose's own order shows, so an empty answer below is the merchant filter, not a lagging log
        awaitEvents(rose, foreign, "OrderConfirmed");

        assertThat(items(rose, "/api/events?aggregateId=" + own)).isEmpty();
        assertThat(items(root, "/api/events?aggregateId=" + foreign)).isEmpty();
        List<JsonNode> everything = items(rose, "/api/events?limit=200");
        assertThat(everything).isNotEmpty();
        everything.forEach(
                e -> assertThat(e.get("payload").get("merchantId").asText()).isEqualTo("m2"));
        assertThat(alice.get("/api/events?aggregateId=" + own).status())
                .as("OPERATOR")
                .isEqualTo(403);
    }

    // ---- live streams ----

    @Test
    void streamsAnOrderPlacedThroughTheGatewayToAnSseClient() {
        try (StreamIT.Sse orders = StreamIT.Sse.open(gatewayPort(), alice.token(), "?topics=orders", null)) {
            String sku = sku("DT-SSE");
            assertThat(putStock(alice, sku, 4).status()).isEqualTo(201);
            JsonNode order = placeOrder(alice, "dt-" + sku, List.of(line(sku, 2)), Map.of());
            String orderId = order.get("orderId").asText();

            StreamIT.Event placed = orders.await(e -> e.is("order.placed") && orderId.equals(e.field("orderId")));
            StreamIT.Event confirmed = orders.await(e -> e.is("order.confirmed") && orderId.equals(e.field("orderId")));

            assertThat(placed.merchantId()).isEqualTo("m1");
            assertThat(placed.field("status")).isEqualTo("PENDING");
            assertThat(placed.data().get("lines").get(0).get("sku").asText()).isEqualTo(sku);
            assertThat(confirmed.field("status")).isEqualTo("CONFIRMED");
            assertThat(Long.parseLong(confirmed.id())).isGreaterThan(Long.parseLong(placed.id()));
            assertThat(orders.received()).extracting(StreamIT.Event::type).allMatch(t -> t.startsWith("order."));
            assertThat(orders.received()).extracting(StreamIT.Event::merchantId).containsOnly("m1");
        }
    }

    @Test
    void streamsStockAndOrderMessagesToAWebSocketClientWithATicket() {
        String ticket = WebSocketStreamIT.ticket(dora);
        try (WebSocketStreamIT.Ws ws = WebSocketStreamIT.Ws.open(gatewayPort(), "?ticket=" + ticket, null)) {
            ws.send("{\"subscribe\":[\"orders\",\"inventory\"]}");
            // the server reads a connection's messages in order: once this one is refused, the subscription stands
            ws.send("{}");
            ws.await(f -> "error".equals(f.type()));
            String sku = sku("DT-WS");
            assertThat(putStock(dora, sku, 4).status()).isEqualTo(201);
            String orderId = decidedOrder(dora, List.of(line(sku, 1)), "CONFIRMED");

            WebSocketStreamIT.Frame stocked = ws.await(f ->
                    "stock.changed".equals(f.type()) && sku.equals(f.field("sku")) && "4".equals(f.field("onHand")));
            WebSocketStreamIT.Frame placed =
                    ws.await(f -> "order.placed".equals(f.type()) && orderId.equals(f.field("orderId")));
            WebSocketStreamIT.Frame confirmed =
                    ws.await(f -> "order.confirmed".equals(f.type()) && orderId.equals(f.field("orderId")));

            assertThat(stocked.field("merchantId")).isEqualTo(RUN_MERCHANT);
            assertThat(confirmed.id()).isGreaterThan(placed.id());
            assertThat(ws.frames())
                    .filteredOn(f -> f.data() != null && f.data().has("merchantId"))
                    .extracting(f -> f.field("merchantId"))
                    .containsOnly(RUN_MERCHANT);
        }
    }

    @Test
    void aSignedShopifyDeliveryPlacesItsOrderAcrossTheServicesAndAChannelQuantityBecomesAnEvent() {
        String channel = "dt-" + UUID.randomUUID().toString().substring(0, 8);
        ChannelWebhooks.connectShopify(root, channel);
        String first = sku("DT-HOOK");
        String second = sku("DT-HOOK");
        assertThat(putStock(root, first, 5).status()).isEqualTo(201);
        assertThat(putStock(root, second, 5).status()).isEqualTo(201);
        ChannelWebhooks hooks = new ChannelWebhooks(gatewayPort());
        String id = "9007199254740993";

        ApiClient.Response sent = hooks.shopify(
                "m1",
                channel,
                "orders/create",
                UUID.randomUUID().toString(),
                ChannelWebhooks.shopifyOrder("orders-create.json", id, first, second));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        JsonNode delivery = awaitPath(root, "/api/channels/" + channel + "/deliveries", page -> page.get("items")
                        .path(0)
                        .path("status")
                        .asText()
                        .equals("PROCESSED"))
                .get("items")
                .get(0);
        JsonNode order = awaitOrder(root, delivery.get("orderId").asText(), o -> o.get("status")
                .asText()
                .equals("CONFIRMED"));
        assertThat(order.get("channel").asText()).isEqualTo(channel);
        assertThat(order.get("channelOrderId").asText()).isEqualTo(id);

        String item = "271878346596884015";
        assertThat(root.put(
                                "/api/channels/" + channel + "/listings/" + first,
                                Map.of("inventoryItemId", "gid://shopify/InventoryItem/" + item))
                        .status())
                .isEqualTo(201);
        assertThat(hooks.shopify(
                                "m1",
                                channel,
                                "inventory_levels/update",
                                UUID.randomUUID().toString(),
                                ChannelWebhooks.shopifyLevel(item, 4, "2026-11-30T10:00:00Z"))
                        .status())
                .isEqualTo(200);
        // Axon Server keeps the events of earlier runs: this run's is the one of its SKU
        JsonNode reported = null;
        for (JsonNode event : awaitPath(root, "/api/events?type=ChannelQuantityReported", page -> {
                    for (JsonNode e : page.get("items")) {
                        if (e.get("payload").get("sku").asText().equals(first)) {
                            return true;
                        }
                    }
                    return false;
                })
                .get("items")) {
            if (event.get("payload").get("sku").asText().equals(first)) {
                reported = event;
            }
        }
        assertThat(reported.get("payload").get("channelQuantity").asInt()).isEqualTo(4);
    }

    @Test
    void aStockChangeInTheInventoryServiceIsPushedByTheGatewayToASimulatedShop() {
        String sku = sku("DT-PUSH");
        try (ChannelSimulator simulator = ChannelSimulator.start(SimulatorConfig.defaults())) {
            String name = "dt-push";
            SimulatedShops.connectShopify(
                    root, simulator, ShopConfig.shopify(name).withItems(List.of(ItemConfig.of(sku, 0))), 2);
            assertThat(putStock(root, sku, 12).status()).isEqualTo(201);
            ApiClient shops = new ApiClient(simulator.port());
            JsonNode item = awaitPath(
                    shops,
                    "/admin/shops/" + name + "/items/" + sku,
                    i -> i.get("quantity").asInt() == 10);
            assertThat(item.get("pushes").asInt()).isPositive();
            awaitPath(
                    root,
                    "/api/channels/" + name + "/status",
                    s -> s.get("outOfSync").asLong() == 0
                            && s.get("breaker").asText().equals("CLOSED"));
        }
    }

    @Test
    void anAutoBufferFollowsTheShopsSalesFromTheInventoryServiceAndIsPushed() {
        String sku = sku("DT-AUTO");
        String name = "dt-auto-" + UUID.randomUUID().toString().substring(0, 6);
        try (ChannelSimulator simulator = ChannelSimulator.start(SimulatorConfig.defaults())) {
            ShopConfig shop = SimulatedShops.connectShopify(
                    root, simulator, ShopConfig.shopify(name).withItems(List.of(ItemConfig.of(sku, 0))), 0);
            Map<String, Object> auto = new LinkedHashMap<>();
            auto.put("kind", "SHOPIFY");
            auto.put("apiBaseUrl", simulator.apiBaseUrl(name).toString());
            auto.put("locationId", "gid://shopify/Location/" + shop.locationId());
            auto.put("bufferMode", "AUTO");
            auto.put("bufferMax", 20);
            assertThat(root.put("/api/channels/" + name, auto).status()).isEqualTo(200);
            assertThat(putStock(root, sku, 100).status()).isEqualTo(201);
            ApiClient shops = new ApiClient(simulator.port());
            awaitPath(
                    shops,
                    "/admin/shops/" + name + "/items/" + sku,
                    i -> i.get("quantity").asInt() == 100);

            for (int i = 0; i < 3; i++) {
                ApiClient.Response placed = root.send(
                        "POST",
                        "/api/orders",
                        Map.of(
                                "channel",
                                name,
                                "channelOrderId",
                                UUID.randomUUID().toString(),
                                "lines",
                                List.of(line(sku, 5))),
                        Map.of("Prefer", "wait=20"));
                assertThat(placed.json().get("status").asText())
                        .as(placed.body())
                        .isEqualTo("CONFIRMED");
            }

            // 15 units within 5 minutes: 4,320 a day, however long the push lag measured
            JsonNode listing = awaitPath(root, "/api/channels/" + name + "/listings", l -> {
                        JsonNode reason = l.get("items").get(0).get("bufferReason");
                        return reason.path("unitsPerDay").asDouble() == 4320.0
                                && reason.path("lagMeasured").asBoolean();
                    })
                    .get("items")
                    .get(0);
            int buffer = listing.get("buffer").asInt();
            assertThat(buffer).isBetween(1, 20);
            awaitPath(
                    shops,
                    "/admin/shops/" + name + "/items/" + sku,
                    i -> i.get("quantity").asInt() == 85 - buffer);
        }
    }

    @Test
    void aShopsHandEditedQuantityBecomesAConflictThatAnOperatorResolvesAcrossTheServices() {
        String sku = sku("DT-CONF");
        String name = "dt-conf-" + UUID.randomUUID().toString().substring(0, 6);
        try (ChannelSimulator simulator = ChannelSimulator.start(SimulatorConfig.defaults())) {
            SimulatedShops.connectShopify(
                    root,
                    simulator,
                    ShopConfig.shopify(name)
                            .withItems(List.of(ItemConfig.of(sku, 0)))
                            .withWebhookUrl(java.net.URI.create(
                                    "http://127.0.0.1:" + gatewayPort() + "/webhooks/shopify/m1/" + name)),
                    1);
            assertThat(putStock(root, sku, 11).status()).isEqualTo(201);
            ApiClient shops = new ApiClient(simulator.port());
            awaitPath(
                    shops,
                    "/admin/shops/" + name + "/items/" + sku,
                    i -> i.get("quantity").asInt() == 10);

            // someone sets the shop to 4 by hand: 6 units off, more than the default rule keeps
            assertThat(shops.put("/admin/shops/" + name + "/items/" + sku, Map.of("quantity", 4))
                            .status())
                    .isEqualTo(200);
            JsonNode open;
            try {
                open = awaitPath(
                                root,
                                "/api/conflicts?status=OPEN&channel=" + name,
                                page -> page.get("items").size() == 1)
                        .get("items")
                        .get(0);
            } catch (AssertionError e) {
                throw new AssertionError(
                        e.getMessage() + "; deliveries " + get(root, "/api/channels/" + name + "/deliveries")
                                + "; reports " + get(root, "/api/events?type=ChannelQuantityReported&limit=5"),
                        e);
            }
            assertThat(open.get("kind").asText()).isEqualTo("STOCK_MISMATCH");
            assertThat(open.get("sku").asText()).isEqualTo(sku);
            assertThat(open.get("ours").asInt()).isEqualTo(10);
            assertThat(open.get("theirs").asInt()).isEqualTo(4);

            // the channel is right: on-hand follows it in the inventory service, and the shop keeps 4
            ApiClient.Response resolved = alice.post(
                    "/api/conflicts/" + open.get("conflictId").asText() + "/resolution",
                    Map.of("action", "ACCEPT_THEIRS", "note", "counted at the shop"));
            assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
            assertThat(resolved.json().get("status").asText()).isEqualTo("RESOLVED");
            assertThat(resolved.json().get("resolvedBy").asText()).isEqualTo("alice");
            JsonNode stock = awaitStock(root, sku, s -> s.get("onHand").asInt() == 5);
            assertThat(stock.get("available").asInt()).isEqualTo(5);
            awaitPath(
                    shops,
                    "/admin/shops/" + name + "/items/" + sku,
                    i -> i.get("quantity").asInt() == 4);
            JsonNode history = get(
                            root, "/api/conflicts/" + open.get("conflictId").asText())
                    .get("history");
            assertThat(history.findValuesAsText("what")).contains("DETECTED", "RESOLVED");
        }
    }

    private static ApiClient gateway() {
        return new ApiClient(gatewayPort());
    }

    private static int gatewayPort() {
        return services.get("gateway").port();
    }

    /** Stocks a fresh SKU and places a one-line order of it as {@code client}; returns the order id. */
    private static String placeStockedOrder(ApiClient client, String correlationId) {
        String sku = sku("DT-EVT");
        assertThat(putStock(client, sku, 5).status()).isEqualTo(201);
        JsonNode order = placeOrder(
                client, "dt-" + UUID.randomUUID(), List.of(line(sku, 1)), Map.of("X-Correlation-Id", correlationId));
        assertThat(order.get("status").asText()).as("order %s", order).isEqualTo("CONFIRMED");
        return order.get("orderId").asText();
    }

    private static void requireReachable(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        if (colon < 1) {
            throw new IllegalStateException("SYNCLINE_AXONSERVER must be host:port, not " + hostAndPort);
        }
        try (Socket socket = new Socket()) {
            socket.connect(
                    new InetSocketAddress(
                            hostAndPort.substring(0, colon), Integer.parseInt(hostAndPort.substring(colon + 1))),
                    3_000);
        } catch (IOException e) {
            throw new IllegalStateException("No Axon Server answers at " + hostAndPort, e);
        }
    }

    /** The gateway's users as {@code syncline.users[N]} environment variables. */
    private static Map<String, String> gatewaySettings() {
        Map<String, String> env = new LinkedHashMap<>();
        // the adaptive buffers' case waits for a computation, not a minute
        env.put("SYNCLINE_CHANNELS_AUTO_BUFFER_INTERVAL", "1s");
        for (int i = 0; i < USERS.size(); i++) {
            GatewayUser user = USERS.get(i);
            env.put("SYNCLINE_USERS_" + i + "_USERNAME", user.username());
            env.put("SYNCLINE_USERS_" + i + "_PASSWORD", PASSWORD);
            env.put("SYNCLINE_USERS_" + i + "_MERCHANT", user.merchant());
            env.put("SYNCLINE_USERS_" + i + "_ROLES", user.roles());
        }
        return env;
    }

    private record GatewayUser(String username, String merchant, String roles) {}
}

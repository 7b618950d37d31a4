package io.syncline.it;

import static io.syncline.it.OrderFlowIT.await;
import static io.syncline.it.OrderFlowIT.line;
import static io.syncline.it.OrderFlowIT.sku;
import static io.syncline.it.OrderFlowIT.stock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncline.platform.test.ApiClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The event browser over the standalone's event store: search, paging, metadata, role and merchant. */
class EventBrowserIT extends StandaloneIntegrationTest {

    private ApiClient root;

    @BeforeEach
    void admin() {
        root = client().login("root", "secret");
    }

    @Test
    void findsAnOrdersEventsByAggregateWithTheRequestsMetadata() {
        String correlationId = "browse-" + UUID.randomUUID();
        String orderId = placeOrder(root, correlationId);

        List<JsonNode> events = awaitEvents("/api/events?aggregateId=" + orderId, 2);

        JsonNode placed = events.get(0);
        assertThat(placed.get("type").asText()).isEqualTo("OrderPlaced");
        assertThat(placed.get("aggregateId").asText()).isEqualTo(orderId);
        assertThat(placed.get("aggregateType").asText()).isNotBlank();
        assertThat(placed.get("sequence").asLong()).isZero();
        assertThat(placed.get("position").asLong()).isPositive();
        assertThat(Instant.parse(placed.get("timestamp").asText()))
                .isBefore(Instant.now().plusSeconds(1));
        assertThat(placed.get("payload").get("orderId").asText()).isEqualTo(orderId);
        assertThat(placed.get("payload").get("merchantId").asText()).isEqualTo("m1");
        assertThat(placed.get("metadata").get("correlationId").asText()).isEqualTo(correlationId);
        assertThat(placed.get("metadata").get("userId").asText()).isEqualTo("root");
        assertThat(events).extracting(e -> e.get("aggregateId").asText()).containsOnly(orderId);
        assertThat(events).extracting(e -> e.get("sequence").asLong()).isSorted();
        assertThat(events).extracting(e -> e.get("type").asText()).contains("OrderConfirmed");
    }

    @Test
    void findsEventsByTypeAndTimeRangeAndAcceptsTheFullTypeName() {
        Instant from = Instant.now().minusSeconds(1);
        String orderId = placeOrder(root, "range-" + UUID.randomUUID());
        awaitEvents("/api/events?aggregateId=" + orderId, 2);
        Instant to = Instant.now().plusSeconds(1);

        String range = "&from=" + enc(from.toString()) + "&to=" + enc(to.toString()) + "&limit=200";
        List<JsonNode> placed = root.get("/api/events?type=OrderPlaced" + range)
                .json()
                .get("items")
                .findParents("position");
        assertThat(placed).extracting(e -> e.get("type").asText()).containsOnly("OrderPlaced");
        assertThat(placed).extracting(e -> e.get("aggregateId").asText()).contains(orderId);
        List<JsonNode> full = root.get(
                        "/api/events?type=" + enc("io.syncline.api.orders.OrderEvents$OrderPlaced") + range)
                .json()
                .get("items")
                .findParents("position");
        assertThat(full).extracting(e -> e.get("aggregateId").asText()).contains(orderId);

        String before = "&from=" + enc(from.minusSeconds(3600).toString()) + "&to=" + enc(from.toString());
        assertThat(root.get("/api/events?aggregateId=" + orderId + before)
                        .json()
                        .get("items"))
                .isEmpty();
    }

    @Test
    void pagesThroughAnAggregatesEventsWithTheCursor() {
        String orderId = placeOrder(root, "page-" + UUID.randomUUID());
        List<JsonNode> all = awaitEvents("/api/events?aggregateId=" + orderId, 2);

        List<Long> paged = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            JsonNode page = root.get(
                            "/api/events?limit=1&aggregateId=" + orderId + (next == null ? "" : "&after=" + enc(next)))
                    .json();
            page.get("items").forEach(e -> paged.add(e.get("position").asLong()));
            next = page.get("next").isNull() ? null : page.get("next").asText();
            pages++;
        } while (next != null && pages < 20);

        assertThat(paged)
                .containsExactlyElementsOf(
                        all.stream().map(e -> e.get("position").asLong()).toList());
        assertThat(pages).isGreaterThanOrEqualTo(all.size());
    }

    @Test
    void showsOnlyTheCallersMerchant() {
        String foreignOrder = placeOrder(bob, "foreign-" + UUID.randomUUID());
        String ownOrder = placeOrder(root, "own-" + UUID.randomUUID());
        awaitEvents("/api/events?aggregateId=" + ownOrder, 2);
        OrderFlowIT.awaitDecided(bob, foreignOrder);

        assertThat(root.get("/api/events?aggregateId=" + foreignOrder).json().get("items"))
                .isEmpty();
        JsonNode everything = root.get("/api/events?limit=200").json().get("items");
        assertThat(everything).isNotEmpty();
        everything.forEach(
                e -> assertThat(e.get("payload").get("merchantId").asText()).isEqualTo("m1"));
    }

    @Test
    void needsTheAdminRole() {
        assertThat(alice.get("/api/events").status()).isEqualTo(403);
        assertThat(client().login("vera", "secret").get("/api/events").status()).isEqualTo(403);
        assertThat(client().get("/api/events").status()).isEqualTo(401);
        assertThat(root.get("/api/events").status()).isEqualTo(200);
    }

    @Test
    void refusesBadParametersNamingThem() {
        assertBad("/api/events?limit=0", "limit");
        assertBad("/api/events?limit=201", "limit");
        assertBad("/api/events?from=yesterday", "from");
        assertBad("/api/events?to=2030-01-01", "to");
        assertBad("/api/events?after=not-a-cursor", "after");
    }

    private void assertBad(String path, String field) {
        ApiClient.Response r = root.get(path);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("errors").findValuesAsText("field")).containsExactly(field);
    }

    private List<JsonNode> awaitEvents(String path, int atLeast) {
        List<JsonNode> found = new ArrayList<>();
        await(
                () -> {
                    found.clear();
                    root.get(path).json().get("items").forEach(found::add);
                    return found.size() >= atLeast;
                },
                atLeast + " events at " + path);
        return found;
    }

    private static String placeOrder(ApiClient client, String correlationId) {
        String item = sku("EVT");
        stock(client, item, 5);
        ApiClient.Response r = client.send(
                "POST",
                "/api/orders",
                Map.of(
                        "channel",
                        "web",
                        "channelOrderId",
                        UUID.randomUUID().toString(),
                        "lines",
                        List.of(line(item, 1))),
                Map.of("Prefer", "wait=20", "X-Correlation-Id", correlationId));
        assertThat(r.status()).as(r.body()).isIn(201, 202);
        return r.json().get("orderId").asText();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

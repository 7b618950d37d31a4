package io.syncline.live.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.syncline.api.inventory.StockEvents.StockAdjusted;
import io.syncline.api.orders.OrderEvents.OrderConfirmed;
import io.syncline.api.orders.OrderEvents.OrderPlaced;
import io.syncline.api.orders.OrderLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.test.context.ContextConfiguration;

/** The event-log projection, its migration and the browser's search on H2 in PostgreSQL mode. */
@DataJpaTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:events-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            "spring.datasource.username=sa",
            "spring.datasource.password=",
            "spring.flyway.locations=classpath:db/migration/live"
        })
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ContextConfiguration(classes = EventLogTestConfiguration.class)
class EventLogTest {

    private static final Instant T0 = Instant.parse("2030-05-01T10:00:00Z");
    private static final String ORDERS = "OrderAggregate";

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Autowired
    EventLogRepository rows;

    @Autowired
    EventLogSearch search;

    EventLogProjection projection;
    EventBrowser browser;

    @BeforeEach
    void setUp() {
        projection = new EventLogProjection(rows, json);
        browser = new EventBrowser(search, json);
    }

    @Test
    void storesADomainEventWithItsAggregatePayloadAndMetadata() {
        OrderPlaced placed = new OrderPlaced("o-1", "m1", "web", "w-1", List.of(new OrderLine("SKU-1", 2)), T0);
        handle(domain(ORDERS, "o-1", 0, placed, T0, Map.of("correlationId", "c-1", "userId", "root")));

        EventPage page = browser.page(filter("m1", null, null, null, null, null, 10));

        assertThat(page.items()).hasSize(1);
        assertThat(page.next()).isNull();
        EventPage.Item item = page.items().get(0);
        assertThat(item.aggregateId()).isEqualTo("o-1");
        assertThat(item.aggregateType()).isEqualTo(ORDERS);
        assertThat(item.sequence()).isZero();
        assertThat(item.type()).isEqualTo("OrderPlaced");
        assertThat(item.timestamp()).isEqualTo(T0);
        assertThat(item.payload().get("merchantId").asText()).isEqualTo("m1");
        assertThat(item.payload().get("lines").get(0).get("sku").asText()).isEqualTo("SKU-1");
        assertThat(item.payload().get("placedAt").asText()).isEqualTo("2030-05-01T10:00:00Z");
        assertThat(item.metadata().get("correlationId").asText()).isEqualTo("c-1");
        assertThat(item.metadata().get("userId").asText()).isEqualTo("root");
    }

    @Test
    void skipsEventsWithoutAMerchant() {
        handle(GenericEventMessage.asEventMessage(Map.of("note", "no merchant")));
        handle(GenericEventMessage.asEventMessage(new Unowned("x")));

        assertThat(rows.count()).isZero();
    }

    @Test
    void storesEventsNotPublishedByAnAggregateWithoutAggregateFields() {
        handle(GenericEventMessage.asEventMessage(new OrderConfirmed("o-9", "m1")));

        EventPage.Item item = browser.page(filter("m1", null, null, null, null, null, 10))
                .items()
                .get(0);
        assertThat(item.aggregateId()).isNull();
        assertThat(item.sequence()).isNull();
        assertThat(item.type()).isEqualTo("OrderConfirmed");
    }

    @Test
    void findsOnlyTheMerchantsEventsByAggregateTypeAndTimeRange() {
        handle(domain(ORDERS, "o-1", 0, new OrderConfirmed("o-1", "m1"), T0, Map.of()));
        handle(domain(ORDERS, "o-2", 0, new OrderConfirmed("o-2", "m2"), T0, Map.of()));
        handle(domain("Stock", "s-1", 3, adjusted("s-1", "m1"), T0.plusSeconds(60), Map.of()));
        handle(domain(ORDERS, "o-1", 1, new OrderConfirmed("o-1", "m1"), T0.plusSeconds(120), Map.of()));

        assertThat(aggregates(filter("m1", null, null, null, null, null, 10))).containsExactly("o-1", "s-1", "o-1");
        assertThat(aggregates(filter("m2", null, null, null, null, null, 10))).containsExactly("o-2");
        assertThat(aggregates(filter("m1", "o-1", null, null, null, null, 10))).containsExactly("o-1", "o-1");
        assertThat(aggregates(filter("m1", "o-2", null, null, null, null, 10))).isEmpty();
        assertThat(aggregates(filter("m1", null, "StockAdjusted", null, null, null, 10)))
                .containsExactly("s-1");
        assertThat(aggregates(filter("m1", null, null, T0.plusSeconds(60), null, null, 10)))
                .containsExactly("s-1", "o-1");
        assertThat(aggregates(filter("m1", null, null, T0, T0.plusSeconds(60), null, 10)))
                .containsExactly("o-1");
    }

    @Test
    void pagesWithTheCursorUntilTheLastPage() {
        for (int i = 0; i < 5; i++) {
            handle(domain(ORDERS, "o-" + i, 0, new OrderConfirmed("o-" + i, "m1"), T0.plusSeconds(i), Map.of()));
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Long after = cursor == null ? null : EventCursor.decode(cursor).orElseThrow();
            EventPage page = browser.page(filter("m1", null, null, null, null, after, 2));
            page.items().forEach(item -> seen.add(item.aggregateId()));
            cursor = page.next();
            pages++;
        } while (cursor != null);

        assertThat(seen).containsExactly("o-0", "o-1", "o-2", "o-3", "o-4");
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void aResetEmptiesTheLog() {
        handle(domain(ORDERS, "o-1", 0, new OrderConfirmed("o-1", "m1"), T0, Map.of()));

        projection.reset();

        assertThat(rows.count()).isZero();
    }

    private void handle(EventMessage<?> event) {
        projection.on(event.getPayload(), event);
        rows.flush();
    }

    private static EventMessage<?> domain(
            String type, String aggregateId, long sequence, Object payload, Instant at, Map<String, ?> metadata) {
        return new GenericDomainEventMessage<>(
                type,
                aggregateId,
                sequence,
                payload,
                MetaData.from(metadata),
                UUID.randomUUID().toString(),
                at);
    }

    private static StockAdjusted adjusted(String stockId, String merchantId) {
        return new StockAdjusted(stockId, merchantId, "SKU-1", 5, "count", 5, 0);
    }

    private static EventFilter filter(
            String merchant, String aggregateId, String type, Instant from, Instant to, Long after, int limit) {
        return new EventFilter(merchant, aggregateId, type, from, to, after, limit);
    }

    private List<String> aggregates(EventFilter filter) {
        return browser.page(filter).items().stream()
                .map(EventPage.Item::aggregateId)
                .toList();
    }

    record Unowned(String id) {}
}

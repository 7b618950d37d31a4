package io.syncline.live.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.syncline.api.conflicts.ConflictEvents.ConflictDetected;
import io.syncline.api.conflicts.ConflictEvents.ConflictEscalated;
import io.syncline.api.conflicts.ConflictEvents.ConflictResolved;
import io.syncline.api.conflicts.ConflictKind;
import io.syncline.api.conflicts.Evidence;
import io.syncline.api.conflicts.Resolution;
import io.syncline.api.conflicts.Side;
import io.syncline.api.inventory.InsightEvents.StockoutPredicted;
import io.syncline.api.inventory.StockEvents.RejectionReason;
import io.syncline.api.inventory.StockEvents.StockAdjusted;
import io.syncline.api.inventory.StockEvents.StockCommitted;
import io.syncline.api.inventory.StockEvents.StockCounted;
import io.syncline.api.inventory.StockEvents.StockDefined;
import io.syncline.api.inventory.StockEvents.StockDetailsChanged;
import io.syncline.api.inventory.StockEvents.StockRanLow;
import io.syncline.api.inventory.StockEvents.StockReleased;
import io.syncline.api.inventory.StockEvents.StockReservationRejected;
import io.syncline.api.inventory.StockEvents.StockReservationVoided;
import io.syncline.api.inventory.StockEvents.StockReserved;
import io.syncline.api.orders.OrderEvents.OrderCancelled;
import io.syncline.api.orders.OrderEvents.OrderConfirmed;
import io.syncline.api.orders.OrderEvents.OrderPlaced;
import io.syncline.api.orders.OrderEvents.OrderRejected;
import io.syncline.api.orders.OrderEvents.OrderShipped;
import io.syncline.api.orders.OrderLine;
import io.syncline.api.orders.OrderStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/** The projection as a plain object behind Axon's handler adapter, with its repositories in memory. */
class StreamProjectionTest {

    private static final Instant NOW = Instant.parse("2030-03-01T12:00:00Z");
    private static final Instant AT = NOW.minusSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StreamMessageRepository messages = mock(StreamMessageRepository.class);
    private final StreamStockRepository stocks = mock(StreamStockRepository.class);
    private final StreamHub hub = mock(StreamHub.class);
    private final List<StreamMessageRow> saved = new ArrayList<>();
    private final Map<String, StreamStock> stockRows = new HashMap<>();
    private AnnotationEventHandlerAdapter projection;

    @BeforeEach
    void setUp() {
        when(messages.save(any())).thenAnswer(call -> {
            saved.add(call.getArgument(0));
            return call.getArgument(0);
        });
        when(stocks.findById(anyString())).thenAnswer(call -> Optional.ofNullable(stockRows.get(call.getArgument(0))));
        when(stocks.save(any())).thenAnswer(call -> {
            StreamStock stock = call.getArgument(0);
            stockRows.put(stock.stockId(), stock);
            return stock;
        });
        projection = new AnnotationEventHandlerAdapter(new StreamProjection(
                messages, stocks, JSON, hub, StreamProperties.defaults(), Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    @Test
    void orderPlacedCarriesChannelLinesStatusAndTime() throws Exception {
        handle(new OrderPlaced(
                "o-1",
                "m1",
                "shopify",
                "#1001",
                List.of(new OrderLine("MUG", 2), new OrderLine("CAP", 1)),
                AT.minusSeconds(1)));

        assertThat(saved).hasSize(1);
        StreamMessageRow row = saved.get(0);
        assertThat(row.merchantId()).isEqualTo("m1");
        assertThat(row.topic()).isEqualTo("orders");
        assertThat(row.type()).isEqualTo("order.placed");
        assertThat(row.createdAt()).isEqualTo(NOW);
        assertThat(row.data())
                .isEqualTo("{\"merchantId\":\"m1\",\"orderId\":\"o-1\",\"status\":\"PENDING\","
                        + "\"channel\":\"shopify\",\"channelOrderId\":\"#1001\",\"lines\":[{\"sku\":\"MUG\",\"quantity\":2},"
                        + "{\"sku\":\"CAP\",\"quantity\":1}],\"at\":\"2030-03-01T11:59:55Z\"}");
    }

    @Test
    void orderDecisionsCarryTheirStatusAndReason() throws Exception {
        handle(new OrderConfirmed("o-1", "m1"));
        handle(OrderRejected.of("o-2", "m1", "OUT_OF_STOCK:MUG"));
        handle(new OrderCancelled("o-1", "m1", "customer", OrderStatus.CONFIRMED));
        handle(new OrderShipped("o-3", "m1"));

        assertThat(saved)
                .extracting(StreamMessageRow::type)
                .containsExactly("order.confirmed", "order.rejected", "order.cancelled", "order.shipped");
        assertThat(data(0))
                .isEqualTo(json("{\"merchantId\":\"m1\",\"orderId\":\"o-1\",\"status\":\"CONFIRMED\","
                        + "\"at\":\"2030-03-01T11:59:55Z\"}"));
        assertThat(data(1).get("status").asText()).isEqualTo("REJECTED");
        assertThat(data(1).get("reason").asText()).isEqualTo("OUT_OF_STOCK:MUG");
        assertThat(data(2).get("status").asText()).isEqualTo("CANCELLED");
        assertThat(data(2).get("reason").asText()).isEqualTo("customer");
        assertThat(data(3).get("status").asText()).isEqualTo("SHIPPED");
        assertThat(saved).extracting(StreamMessageRow::topic).containsOnly("orders");
    }

    @Test
    void stockChangesCarryLevelsWithTheKnownNameAndThreshold() throws Exception {
        handle(new StockDefined("m1/MUG", "m1", "MUG", "Mug", 3));
        handle(new StockCounted("m1/MUG", "m1", "MUG", 0, 10, 0));
        handle(new StockReserved("m1/MUG", "m1", "MUG", "o-1", 8, 10, 8));

        assertThat(saved).extracting(StreamMessageRow::type).containsExactly("stock.changed", "stock.changed");
        assertThat(saved).extracting(StreamMessageRow::topic).containsOnly("inventory");
        assertThat(data(0))
                .isEqualTo(json("{\"merchantId\":\"m1\",\"sku\":\"MUG\",\"name\":\"Mug\",\"onHand\":10,"
                        + "\"reserved\":0,\"available\":10,\"lowStockThreshold\":3,\"low\":false,"
                        + "\"at\":\"2030-03-01T11:59:55Z\"}"));
        assertThat(data(1).get("available").asInt()).isEqualTo(2);
        assertThat(data(1).get("low").asBoolean()).isTrue();
    }

    @Test
    void everyLevelEventStreamsTheLevelsItCarries() throws Exception {
        handle(new StockAdjusted("m1/MUG", "m1", "MUG", -1, "damaged", 9, 2));
        handle(new StockReleased("m1/MUG", "m1", "MUG", "o-1", 2, 9, 0));
        handle(new StockCommitted("m1/MUG", "m1", "MUG", "o-2", 1, 8, 0));

        assertThat(saved).hasSize(3);
        assertThat(data(0).get("onHand").asInt()).isEqualTo(9);
        assertThat(data(0).get("reserved").asInt()).isEqualTo(2);
        assertThat(data(0).get("available").asInt()).isEqualTo(7);
        assertThat(data(1).get("reserved").asInt()).isEqualTo(0);
        assertThat(data(2).get("onHand").asInt()).isEqualTo(8);
    }

    @Test
    void detailsUnknownToTheStreamAreLeftOut() throws Exception {
        handle(new StockReserved("m1/CAP", "m1", "CAP", "o-1", 5, 4, 5));

        assertThat(data(0).has("name")).isFalse();
        assertThat(data(0).has("lowStockThreshold")).isFalse();
        assertThat(data(0).has("low")).isFalse();
        assertThat(data(0).get("available").asInt()).as("never negative").isZero();
    }

    @Test
    void changedDetailsStreamTheLevelsKnownSoFar() throws Exception {
        handle(new StockDefined("m1/MUG", "m1", "MUG", "Mug", 1));
        handle(new StockCounted("m1/MUG", "m1", "MUG", 0, 4, 1));
        handle(new StockDetailsChanged("m1/MUG", "m1", "MUG", "Big mug", 5));

        JsonNode changed = data(1);
        assertThat(changed.get("name").asText()).isEqualTo("Big mug");
        assertThat(changed.get("onHand").asInt()).isEqualTo(4);
        assertThat(changed.get("available").asInt()).isEqualTo(3);
        assertThat(changed.get("lowStockThreshold").asInt()).isEqualTo(5);
        assertThat(changed.get("low").asBoolean()).isTrue();
    }

    @Test
    void aDefinitionIsRememberedButNotStreamed() throws Exception {
        handle(new StockDefined("m1/MUG", "m1", "MUG", "Mug", 3));

        assertThat(saved).isEmpty();
        assertThat(stockRows.get("m1/MUG").name()).isEqualTo("Mug");
    }

    @Test
    void stockRunningLowStreamsStockLow() throws Exception {
        handle(new StockRanLow("m1/MUG", "m1", "MUG", 2, 3));

        assertThat(saved).extracting(StreamMessageRow::type).containsExactly("stock.low");
        assertThat(data(0))
                .isEqualTo(json("{\"merchantId\":\"m1\",\"sku\":\"MUG\",\"available\":2,"
                        + "\"lowStockThreshold\":3,\"at\":\"2030-03-01T11:59:55Z\"}"));
    }

    @Test
    void aPredictedStockOutStreamsOnTheInventoryTopic() throws Exception {
        handle(new StockoutPredicted(
                "m1", "MUG", 12, 1.5, 1.1, 2.25, java.time.Instant.parse("2030-03-03T00:00:00Z"), 3));

        assertThat(saved).extracting(StreamMessageRow::type).containsExactly("stock.stockout-predicted");
        assertThat(saved.get(0).topic()).isEqualTo(StreamTopic.INVENTORY.wireName());
        assertThat(data(0))
                .isEqualTo(json("{\"merchantId\":\"m1\",\"sku\":\"MUG\",\"available\":12,\"daysOfCover\":1.5,"
                        + "\"daysOfCoverLow\":1.1,\"daysOfCoverHigh\":2.25,\"stockoutAt\":\"2030-03-03T00:00:00Z\","
                        + "\"coverAlertDays\":3.0,\"at\":\"2030-03-01T11:59:55Z\"}"));
    }

    @Test
    void aRejectedReservationStreamsNothing() {
        EventMessage<?> rejected = event(
                new StockReservationRejected("m1/MUG", "m1", "MUG", "o-1", 5, 2, RejectionReason.INSUFFICIENT_STOCK),
                AT);

        assertThat(projection.canHandle(rejected)).isFalse();
    }

    @Test
    void aVoidedReservationStreamsNothing() {
        assertThat(projection.canHandle(event(new StockReservationVoided("m1/MUG", "m1", "MUG", "o-1"), AT)))
                .isFalse();
    }

    @Test
    void merchantsNeverShareAStock() throws Exception {
        handle(new StockDefined("m1/MUG", "m1", "MUG", "Mug", 3));
        handle(new StockCounted("m2/MUG", "m2", "MUG", 0, 7, 0));

        assertThat(saved).hasSize(1);
        assertThat(saved.get(0).merchantId()).isEqualTo("m2");
        assertThat(data(0).get("merchantId").asText()).isEqualTo("m2");
        assertThat(data(0).has("name")).isFalse();
    }

    @Test
    void eventsOlderThanTheRetentionOnlyUpdateStockDetails() throws Exception {
        Instant old = NOW.minus(Duration.ofHours(25));
        handle(new StockDefined("m1/MUG", "m1", "MUG", "Mug", 3), old);
        handle(new OrderConfirmed("o-1", "m1"), old);
        handle(new StockCounted("m1/MUG", "m1", "MUG", 0, 10, 0));

        assertThat(saved).extracting(StreamMessageRow::type).containsExactly("stock.changed");
        assertThat(data(0).get("name").asText()).isEqualTo("Mug");
    }

    @Test
    void takesTheWriteLockBeforeWriting() throws Exception {
        handle(new OrderConfirmed("o-1", "m1"));

        InOrder order = inOrder(messages);
        order.verify(messages).lockForWrite();
        order.verify(messages).save(any());
    }

    @Test
    void nudgesTheHubOnceAfterTheUnitOfWorkCommits() throws Exception {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        handle(new OrderConfirmed("o-1", "m1"));
        handle(new OrderShipped("o-1", "m1"));
        verify(hub, never()).nudge();

        unitOfWork.commit();

        verify(hub, times(1)).nudge();
    }

    @Test
    void doesNotNudgeWhenTheUnitOfWorkRollsBack() throws Exception {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        handle(new OrderConfirmed("o-1", "m1"));

        unitOfWork.rollback();

        verify(hub, never()).nudge();
    }

    @Test
    void conflictEventsGoToTheConflictsTopicWithWhatTheyKnow() throws Exception {
        Evidence evidence = new Evidence("webhook", "d-1", AT, 1, 6, "shop shows 3");
        handle(new ConflictDetected(
                "c-1",
                "m1",
                ConflictKind.STOCK_MISMATCH,
                "shop-a",
                "MUG",
                null,
                Side.quantity(5),
                Side.quantity(3),
                evidence,
                AT));
        handle(new ConflictEscalated("c-1", "m1", ConflictKind.STOCK_MISMATCH, "shop-a", "MUG", null, AT));
        handle(new ConflictResolved(
                "c-1",
                "m1",
                ConflictKind.STOCK_MISMATCH,
                "shop-a",
                "MUG",
                null,
                Resolution.SET_VALUE,
                7,
                "alice",
                null,
                "counted",
                5,
                7,
                "counted to 7",
                AT));
        handle(new ConflictDetected(
                "c-2",
                "m1",
                ConflictKind.DUPLICATE_ORDER,
                "shop-a",
                null,
                "o-9",
                Side.lines(List.of(new OrderLine("MUG", 1))),
                Side.lines(List.of(new OrderLine("MUG", 2))),
                evidence,
                AT));

        assertThat(saved)
                .extracting(StreamMessageRow::type)
                .containsExactly("conflict.detected", "conflict.escalated", "conflict.resolved", "conflict.detected");
        assertThat(saved).extracting(StreamMessageRow::topic).containsOnly("conflicts");
        assertThat(data(0))
                .isEqualTo(json("{\"merchantId\":\"m1\",\"conflictId\":\"c-1\",\"kind\":\"STOCK_MISMATCH\","
                        + "\"channel\":\"shop-a\",\"sku\":\"MUG\",\"status\":\"OPEN\",\"severity\":\"NORMAL\","
                        + "\"ours\":5,\"theirs\":3,\"detectedAt\":\"2030-03-01T11:59:55Z\","
                        + "\"at\":\"2030-03-01T11:59:55Z\"}"));
        assertThat(data(1).get("severity").asText()).isEqualTo("HIGH");
        assertThat(data(2).get("resolution").asText()).isEqualTo("SET_VALUE");
        assertThat(data(2).get("resolvedBy").asText()).isEqualTo("alice");
        assertThat(data(2).get("status").asText()).isEqualTo("RESOLVED");
        assertThat(data(3).get("orderId").asText()).isEqualTo("o-9");
        assertThat(data(3).get("theirs").get(0).get("quantity").asInt()).isEqualTo(2);
    }

    private void handle(Object payload) throws Exception {
        handle(payload, AT);
    }

    private void handle(Object payload, Instant timestamp) throws Exception {
        EventMessage<?> message = event(payload, timestamp);
        assertThat(projection.canHandle(message))
                .as("handles %s", payload.getClass().getSimpleName())
                .isTrue();
        projection.handle(message);
    }

    private static EventMessage<?> event(Object payload, Instant timestamp) {
        return new GenericEventMessage<>(UUID.randomUUID().toString(), payload, Map.of(), timestamp);
    }

    private JsonNode data(int index) throws Exception {
        return JSON.readTree(saved.get(index).data());
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}

package io.syncline.orders.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.syncline.api.inventory.StockCommands.ReleaseStock;
import io.syncline.api.inventory.StockEvents.StockReserved;
import io.syncline.api.orders.OrderCommands.ConfirmOrder;
import io.syncline.api.orders.OrderEvents.OrderConfirmed;
import io.syncline.api.orders.OrderEvents.OrderPlaced;
import io.syncline.api.orders.OrderLine;
import io.syncline.orders.OrdersProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/** Sagas are stored with Jackson between events: their state must survive the round trip. */
class OrderFulfilmentSagaSerializationTest {

    private static final OrdersProperties PROPERTIES = new OrdersProperties(Duration.ofSeconds(30));

    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
    private final FulfilmentCommands commands = mock(FulfilmentCommands.class);
    private final DeadlineManager deadlines = mock(DeadlineManager.class);

    @Test
    void keepsReservationStateAcrossSerialization() {
        when(deadlines.schedule(any(Duration.class), anyString())).thenReturn("timeout-1");
        var saga = new OrderFulfilmentSaga();
        saga.on(
                new OrderPlaced(
                        "order-1",
                        "acme",
                        "web",
                        "42",
                        List.of(new OrderLine("RED-MUG", 1), new OrderLine("TEA", 2)),
                        Instant.now()),
                commands,
                deadlines,
                PROPERTIES);
        saga.on(
                new StockReserved("acme/RED-MUG", "acme", "RED-MUG", "order-1", 1, 5, 1),
                commands,
                deadlines,
                PROPERTIES);

        SerializedObject<String> stored = serializer.serialize(saga, String.class);
        OrderFulfilmentSaga restored = serializer.deserialize(stored);

        assertThat(stored.getData())
                .contains("RESERVING", "RED-MUG", "TEA", "timeout-1")
                .doesNotContain("commands");
        assertThat(serializer.serialize(restored, String.class).getData()).isEqualTo(stored.getData());
        restored.on(new StockReserved("acme/TEA", "acme", "TEA", "order-1", 2, 5, 2), commands, deadlines, PROPERTIES);
        verify(commands).send("order-1", new ConfirmOrder("order-1", "acme"));
        restored.on(new OrderConfirmed("order-1", "acme"), commands, deadlines);
        verify(deadlines).cancelSchedule(OrderFulfilmentSaga.FULFILMENT_TIMEOUT, "timeout-1");
    }

    /** A saga stored before retries existed: closing, one SKU unanswered, an abandon deadline pending. */
    @Test
    void readsASagaStoredByTheEarlierVersionAndRetriesWhatItStillAwaits() {
        when(deadlines.schedule(any(Duration.class), anyString())).thenReturn("retry-1");
        String stored =
                """
                {"orderId":"order-1","merchantId":"acme","phase":"CLOSING",\
                "skus":{"RED-MUG":"REQUESTED","TEA":"RELEASED"},"timeoutId":null,"abandonId":"abandon-1"}""";
        OrderFulfilmentSaga restored = serializer.deserialize(
                new SimpleSerializedObject<>(stored, String.class, OrderFulfilmentSaga.class.getName(), null));

        restored.onAbandon(null, commands, deadlines, PROPERTIES);

        verify(commands).send("order-1", new ReleaseStock("acme/RED-MUG", "acme", "RED-MUG", "order-1"));
        verify(deadlines).schedule(PROPERTIES.commandRetry().interval(2), OrderFulfilmentSaga.FULFILMENT_RETRY);
        assertThat(serializer.serialize(restored, String.class).getData())
                .contains("\"retryId\":\"retry-1\"", "\"abandonId\":null");
    }
}

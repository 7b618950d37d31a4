package io.syncline.orders.fulfilment;

import io.syncline.api.inventory.StockEvents.StockReserved;
import io.syncline.api.orders.OrderCommands.ConfirmOrder;
import io.syncline.api.orders.OrderEvents.OrderConfirmed;
import io.syncline.api.orders.OrderEvents.OrderPlaced;
import io.syncline.api.orders.OrderLine;
import io.syncline.orders.OrdersProperties;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Sagas are stored with Jackson between events: their state must survive the round trip. */
class OrderFulfilmentSagaSerializationTest {

    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
    private final CommandGateway commands = mock(CommandGateway.class);
    private final DeadlineManager deadlines = mock(DeadlineManager.class);

    @Test
    void keepsReservationStateAcrossSerialization() {
        when(commands.send(any())).thenReturn(CompletableFuture.completedFuture(null));
        when(deadlines.schedule(any(Duration.class), anyString())).thenReturn("timeout-1");
        var saga = new OrderFulfilmentSaga();
        saga.on(new OrderPlaced("order-1", "acme", "web", "42",
                        List.of(new OrderLine("RED-MUG", 1), new OrderLine("TEA", 2)), Instant.now()),
                commands, deadlines, new OrdersProperties(Duration.ofSeconds(30)));
        saga.on(new StockReserved("acme/RED-MUG", "acme", "RED-MUG", "order-1", 1, 5, 1), commands, deadlines);

        SerializedObject<String> stored = serializer.serialize(saga, String.class);
        OrderFulfilmentSaga restored = serializer.deserialize(stored);

        assertThat(stored.getData()).contains("RESERVING", "RED-MUG", "TEA", "timeout-1").doesNotContain("commands");
        assertThat(serializer.serialize(restored, String.class).getData()).isEqualTo(stored.getData());
        restored.on(new StockReserved("acme/TEA", "acme", "TEA", "order-1", 2, 5, 2), commands, deadlines);
        verify(commands).send(new ConfirmOrder("order-1", "acme"));
        restored.on(new OrderConfirmed("order-1", "acme"), deadlines);
        verify(deadlines).cancelSchedule(OrderFulfilmentSaga.FULFILMENT_TIMEOUT, "timeout-1");
    }
}

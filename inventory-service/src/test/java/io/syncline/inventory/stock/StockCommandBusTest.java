package io.syncline.inventory.stock;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncline.api.inventory.StockCommands.CountStock;
import io.syncline.api.inventory.StockCommands.ReserveStock;
import io.syncline.api.inventory.StockEvents.RejectionReason;
import io.syncline.api.inventory.StockEvents.StockReservationRejected;
import io.syncline.api.inventory.StockEvents.StockReserved;
import io.syncline.api.inventory.StockIds;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a caller of the real command bus receives, beyond what the fixture shows: the gateway
 * tells 201 from 200 by the {@code Boolean} a count answers.
 */
class StockCommandBusTest {

    private static final String ID = StockIds.of("m1", "sku-1");

    private InMemoryEventStorageEngine storage;
    private CommandGateway commands;

    @BeforeEach
    void setUp() {
        storage = new InMemoryEventStorageEngine();
        // never snapshotted: what is checked is what the commands answer
        commands = StockTestBus.commandsOn(
                EmbeddedEventStore.builder().storageEngine(storage).build(), Integer.MAX_VALUE);
    }

    @Test
    void countAnswersTrueWhenItDefinesTheStockAndFalseAfterwards() {
        Object first = commands.sendAndWait(new CountStock(ID, "m1", "sku-1", "Mug", 10, 3));
        Object second = commands.sendAndWait(new CountStock(ID, "m1", "sku-1", "Mug", 8, 3));

        assertThat(first).isEqualTo(Boolean.TRUE);
        assertThat(second).isEqualTo(Boolean.FALSE);
    }

    @Test
    void reservationReachesTheStockThroughTheExternalHandler() {
        commands.sendAndWait(new CountStock(ID, "m1", "sku-1", "Mug", 10, 3));
        commands.sendAndWait(new ReserveStock(ID, "m1", "sku-1", "o1", 4));

        assertThat(payloads()).last().isEqualTo(new StockReserved(ID, "m1", "sku-1", "o1", 4, 10, 4));
    }

    @Test
    void reservationOfUnknownSkuIsStoredAsARejection() {
        commands.sendAndWait(new ReserveStock(ID, "m1", "sku-1", "o1", 4));

        assertThat(payloads())
                .containsExactly(
                        new StockReservationRejected(ID, "m1", "sku-1", "o1", 4, 0, RejectionReason.UNKNOWN_SKU));
    }

    private List<Object> payloads() {
        return storage.readEvents(null, false).map(m -> (Object) m.getPayload()).toList();
    }
}

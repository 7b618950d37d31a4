package io.syncline.inventory.stock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.syncline.api.inventory.StockCommands.AdjustStock;
import io.syncline.api.inventory.StockCommands.CommitStock;
import io.syncline.api.inventory.StockCommands.CountStock;
import io.syncline.api.inventory.StockCommands.ReleaseStock;
import io.syncline.api.inventory.StockCommands.ReserveStock;
import io.syncline.api.inventory.StockEvents.RejectionReason;
import io.syncline.api.inventory.StockEvents.StockAdjusted;
import io.syncline.api.inventory.StockEvents.StockCommitted;
import io.syncline.api.inventory.StockEvents.StockReservationRejected;
import io.syncline.api.inventory.StockIds;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/** Snapshots are written with Jackson: a stock with reservations and settled orders must survive the round trip. */
class StockSnapshotTest {

    private static final String ID = StockIds.of("m1", "sku-1");

    /** A strict mapper (unknown properties fail) so a field Jackson cannot read back shows up. */
    private final JacksonSerializer serializer =
            JacksonSerializer.builder().objectMapper(new ObjectMapper()).build();

    @Test
    void snapshotOfStockWithReservationsSurvivesJackson() {
        InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();
        CommandGateway commands = commandsOn(engine, 3);
        commands.sendAndWait(new CountStock(ID, "m1", "sku-1", "Mug", 10, 2));
        commands.sendAndWait(new ReserveStock(ID, "m1", "sku-1", "o1", 3));
        commands.sendAndWait(new ReserveStock(ID, "m1", "sku-1", "o2", 2));
        commands.sendAndWait(new ReserveStock(ID, "m1", "sku-1", "o3", 1));

        DomainEventMessage<?> snapshot = engine.readSnapshot(ID).orElseThrow();
        assertThat(snapshot.getPayload()).isInstanceOf(Stock.class);

        SerializedObject<String> json = serializer.serialize(snapshot.getPayload(), String.class);
        Stock restored = serializer.deserialize(json);

        assertThat(json.getType().getRevision()).isEqualTo("3");
        assertThat(json.getData()).contains("\"reservations\"", "\"o1\":3");
        assertThat(restored).usingRecursiveComparison().isEqualTo(snapshot.getPayload());
    }

    @Test
    void theKeysOfItsAdjustmentsSurviveASnapshot() {
        InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();
        CommandGateway commands = commandsOn(engine, 2);
        commands.sendAndWait(new CountStock(ID, "m1", "sku-1", "Mug", 10, 2));
        commands.sendAndWait(new AdjustStock(ID, "m1", "sku-1", 3, "conflict:c-1", "resolution-1"));

        Stock snapshot = (Stock) engine.readSnapshot(ID).orElseThrow().getPayload();
        SerializedObject<String> json = serializer.serialize(snapshot, String.class);
        assertThat(json.getData()).contains("\"adjustments\":[\"resolution-1\"]");
        Stock restored = serializer.deserialize(json);
        assertThat(restored).usingRecursiveComparison().isEqualTo(snapshot);

        // the same adjustment sent again after the snapshot: no second effect
        commands.sendAndWait(new AdjustStock(ID, "m1", "sku-1", 3, "conflict:c-1", "resolution-1"));
        assertThat(engine.readEvents(ID).asStream().filter(e -> e.getPayload() instanceof StockAdjusted))
                .hasSize(1);
    }

    @Test
    void stockRestoredFromAJacksonSnapshotKeepsItsReservations() {
        InMemoryEventStorageEngine original = new InMemoryEventStorageEngine();
        CommandGateway before = commandsOn(original, 1000);
        before.sendAndWait(new CountStock(ID, "m1", "sku-1", "Mug", 10, 2));
        before.sendAndWait(new ReserveStock(ID, "m1", "sku-1", "o1", 3));
        before.sendAndWait(new ReserveStock(ID, "m1", "sku-1", "o2", 2));
        long lastSequence = original.readEvents(ID).asStream().count() - 1;
        Stock live = loadRoot(EventSourcingRepository.builder(Stock.class)
                .eventStore(EmbeddedEventStore.builder().storageEngine(original).build())
                .build());

        // only the serialized snapshot is left to rebuild from
        Stock restored = serializer.deserialize(serializer.serialize(live, String.class));
        InMemoryEventStorageEngine rebuilt = new InMemoryEventStorageEngine();
        rebuilt.storeSnapshot(new GenericDomainEventMessage<>("Stock", ID, lastSequence, restored));
        commandsOn(rebuilt, 1000).sendAndWait(new CommitStock(ID, "m1", "sku-1", "o1"));

        assertThat(rebuilt.readEvents(ID, lastSequence + 1).asStream().map(m -> (Object) m.getPayload()))
                .containsExactly(new StockCommitted(ID, "m1", "sku-1", "o1", 3, 7, 2));
    }

    @Test
    void stockRestoredFromAJacksonSnapshotRemembersItsSettledOrdersInOrder() {
        InMemoryEventStorageEngine original = new InMemoryEventStorageEngine();
        CommandGateway before = commandsOn(original, 1000);
        before.sendAndWait(new CountStock(ID, "m1", "sku-1", "Mug", 10, 2));
        before.sendAndWait(new ReserveStock(ID, "m1", "sku-1", "released", 3));
        before.sendAndWait(new ReserveStock(ID, "m1", "sku-1", "committed", 2));
        before.sendAndWait(new ReleaseStock(ID, "m1", "sku-1", "released"));
        before.sendAndWait(new CommitStock(ID, "m1", "sku-1", "committed"));
        before.sendAndWait(new ReleaseStock(ID, "m1", "sku-1", "voided"));
        long lastSequence = original.readEvents(ID).asStream().count() - 1;
        Stock live = loadRoot(EventSourcingRepository.builder(Stock.class)
                .eventStore(EmbeddedEventStore.builder().storageEngine(original).build())
                .build());

        SerializedObject<String> json = serializer.serialize(live, String.class);
        Stock restored = serializer.deserialize(json);
        assertThat(json.getData())
                .contains("\"settled\":{\"released\":\"RELEASED\","
                        + "\"committed\":\"COMMITTED\",\"voided\":\"VOIDED\"}");
        assertThat(serializer.serialize(restored, String.class).getData()).isEqualTo(json.getData());

        InMemoryEventStorageEngine rebuilt = new InMemoryEventStorageEngine();
        rebuilt.storeSnapshot(new GenericDomainEventMessage<>("Stock", ID, lastSequence, restored));
        CommandGateway after = commandsOn(rebuilt, 1000);
        after.sendAndWait(new ReserveStock(ID, "m1", "sku-1", "released", 3));
        after.sendAndWait(new ReserveStock(ID, "m1", "sku-1", "committed", 2));
        after.sendAndWait(new ReserveStock(ID, "m1", "sku-1", "voided", 1));

        assertThat(rebuilt.readEvents(ID, lastSequence + 1).asStream().map(m -> (Object) m.getPayload()))
                .containsExactly(new StockReservationRejected(
                        ID, "m1", "sku-1", "voided", 1, 8, RejectionReason.RESERVATION_CLOSED));
    }

    private static Stock loadRoot(EventSourcingRepository<Stock> repository) {
        var unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            return repository.load(ID).invoke(stock -> stock);
        } finally {
            unitOfWork.rollback();
        }
    }

    private static CommandGateway commandsOn(InMemoryEventStorageEngine engine, int snapshotThreshold) {
        return StockTestBus.commandsOn(
                EmbeddedEventStore.builder().storageEngine(engine).build(), snapshotThreshold);
    }
}

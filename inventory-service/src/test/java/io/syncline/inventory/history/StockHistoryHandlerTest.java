package io.syncline.inventory.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncline.api.inventory.StockCommands.AdjustStock;
import io.syncline.api.inventory.StockCommands.CommitStock;
import io.syncline.api.inventory.StockCommands.CountStock;
import io.syncline.api.inventory.StockCommands.ReleaseStock;
import io.syncline.api.inventory.StockCommands.ReserveStock;
import io.syncline.api.inventory.StockHistory.FindStockAt;
import io.syncline.api.inventory.StockHistory.ListStockChanges;
import io.syncline.api.inventory.StockHistory.StockAt;
import io.syncline.api.inventory.StockHistory.StockChange;
import io.syncline.api.inventory.StockHistory.StockChanges;
import io.syncline.api.inventory.StockIds;
import io.syncline.api.orders.OrderEvents.OrderPlaced;
import io.syncline.api.orders.OrderLine;
import io.syncline.inventory.stock.StockTestBus;
import io.syncline.inventory.stock.StockTestBus.Levels;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A SKU's history answers what a replay of its events gives, at every moment, although the stock is
 * snapshotted in between, and names each change's cause.
 */
class StockHistoryHandlerTest {

    private static final String SKU = "mug";
    private static final String ID = StockIds.of("m1", SKU);
    private static final Instant T0 = Instant.parse("2026-12-04T14:00:00Z");

    private final InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();
    private final EmbeddedEventStore store =
            EmbeddedEventStore.builder().storageEngine(engine).build();
    private final StockHistoryHandler history = new StockHistoryHandler(store);
    private CommandGateway commands;
    private Clock original;

    @BeforeEach
    void stockWithAPast() {
        original = GenericEventMessage.clock;
        commands = StockTestBus.commandsOn(store, 3);
        placed("o1", "shop-a");
        placed("o2", "web");
        at(0, new CountStock(ID, "m1", SKU, "Mug", 10, 2), Map.of("userId", "alice"));
        at(1, new ReserveStock(ID, "m1", SKU, "o1", 3), Map.of());
        at(2, new AdjustStock(ID, "m1", SKU, -1, "damaged"), Map.of("userId", "alice"));
        at(3, new ReserveStock(ID, "m1", SKU, "o2", 2), Map.of());
        at(4, new ReleaseStock(ID, "m1", SKU, "o2"), Map.of());
        at(5, new CommitStock(ID, "m1", SKU, "o1"), Map.of());
        at(6, new AdjustStock(ID, "m1", SKU, 2, "conflict:c-1"), Map.of());
        at(7, new CountStock(ID, "m1", SKU, "Mug", 4, 2), Map.of("conflictId", "c-2", "userId", "bob"));
    }

    @AfterEach
    void clockBack() {
        GenericEventMessage.clock = original;
    }

    @Test
    void theLevelsAtEveryEventsMomentAreAReplayUpToIt() {
        assertThat(engine.readSnapshot(ID))
                .as("a snapshot lies between the events")
                .isPresent();
        List<? extends DomainEventMessage<?>> events =
                engine.readEvents(ID, 0).asStream().toList();
        assertThat(events).hasSizeGreaterThan(8);

        for (DomainEventMessage<?> event : events) {
            Instant moment = event.getTimestamp();
            Levels replayed = StockTestBus.replay(
                    ID,
                    events.stream()
                            .filter(e -> !e.getTimestamp().isAfter(moment))
                            .toList());
            StockAt answer = history.handle(new FindStockAt("m1", SKU, moment, 100));
            assertThat(new Levels(answer.onHand(), answer.reserved()))
                    .as("at %s", moment)
                    .isEqualTo(replayed);
            assertThat(answer.available()).isEqualTo(Math.max(0, replayed.onHand() - replayed.reserved()));
        }
    }

    @Test
    void eachChangeNamesItsCause() {
        StockChanges changes = history.handle(new ListStockChanges("m1", SKU, T0, T0.plusSeconds(70), 100));

        assertThat(changes.truncated()).isFalse();
        assertThat(changes.items())
                .extracting(StockChange::type)
                .containsExactly(
                        "StockDefined",
                        "StockCounted",
                        "StockReserved",
                        "StockAdjusted",
                        "StockReserved",
                        "StockReleased",
                        "StockCommitted",
                        "StockAdjusted",
                        "StockCounted");
        assertThat(changes.items()).extracting(StockChange::delta).containsExactly(0, 10, -3, -1, -2, 2, 0, 2, -4);
        StockChange reserved = changes.items().get(2);
        assertThat(reserved.orderId()).isEqualTo("o1");
        assertThat(reserved.channel()).isEqualTo("shop-a");
        assertThat(changes.items().get(5).channel()).isEqualTo("web");
        StockChange damaged = changes.items().get(3);
        assertThat(damaged.reason()).isEqualTo("damaged");
        assertThat(damaged.user()).isEqualTo("alice");
        assertThat(damaged.conflictId()).isNull();
        assertThat(changes.items().get(7).conflictId()).isEqualTo("c-1");
        StockChange count = changes.items().get(8);
        assertThat(count.conflictId()).isEqualTo("c-2");
        assertThat(count.user()).isEqualTo("bob");
        assertThat(List.of(count.onHand(), count.reserved(), count.available())).containsExactly(4, 0, 4);
    }

    @Test
    void aWindowHoldsOnlyItsChangesAndSaysWhenTheLimitCutsIt() {
        StockChanges middle =
                history.handle(new ListStockChanges("m1", SKU, T0.plusSeconds(20), T0.plusSeconds(40), 100));
        assertThat(middle.items())
                .extracting(StockChange::type)
                .containsExactly("StockAdjusted", "StockReserved", "StockReleased");
        assertThat(middle.items().get(0).onHand()).isEqualTo(9);

        StockChanges cut = history.handle(new ListStockChanges("m1", SKU, T0, T0.plusSeconds(70), 3));
        assertThat(cut.items()).hasSize(3);
        assertThat(cut.truncated()).isTrue();
    }

    @Test
    void aMomentShowsTheLastChangesUpToIt() {
        StockAt then = history.handle(new FindStockAt("m1", SKU, T0.plusSeconds(45), 2));

        assertThat(then.changes()).extracting(StockChange::type).containsExactly("StockReserved", "StockReleased");
        assertThat(then.earlierChanges()).isTrue();
        assertThat(List.of(then.onHand(), then.reserved(), then.available())).containsExactly(9, 3, 6);
    }

    @Test
    void beforeItsDefinitionASkuHasNothingAndAnUnknownOneHasNoHistory() {
        StockAt before = history.handle(new FindStockAt("m1", SKU, T0.minusSeconds(1), 20));
        assertThat(List.of(before.onHand(), before.reserved(), before.available()))
                .containsExactly(0, 0, 0);
        assertThat(before.changes()).isEmpty();

        assertThat(history.handle(new FindStockAt("m1", "other", T0, 20))).isNull();
        assertThat(history.handle(new FindStockAt("m2", SKU, T0, 20))).isNull();
        assertThat(history.handle(new ListStockChanges("m2", SKU, T0, T0.plusSeconds(70), 20)))
                .isNull();
    }

    /** Sends {@code command} with {@code metaData} as if at T0 + 10 s × {@code step}. */
    private void at(int step, Object command, Map<String, ?> metaData) {
        GenericEventMessage.clock = Clock.fixed(T0.plus(Duration.ofSeconds(10L * step)), ZoneOffset.UTC);
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
    }

    private void placed(String orderId, String channel) {
        store.publish(new GenericDomainEventMessage<>(
                "Order",
                orderId,
                0,
                new OrderPlaced(orderId, "m1", channel, channel + "-1", List.of(new OrderLine(SKU, 1)), T0)));
    }
}

package io.syncline.inventory.stock;

import io.syncline.platform.messaging.CorrelationAutoConfiguration;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.AnnotationCommandHandlerAdapter;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.gateway.DefaultEventGateway;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.springframework.test.util.ReflectionTestUtils;

/** The stock aggregate on Axon's in-memory store, for tests of what reads its events. */
public final class StockTestBus {

    private StockTestBus() {}

    /** On-hand and reserved of a stock, as the aggregate itself holds them. */
    public record Levels(int onHand, int reserved) {}

    /** A command gateway whose stocks live in {@code store}, snapshotted every {@code snapshotThreshold} events. */
    public static CommandGateway commandsOn(EmbeddedEventStore store, int snapshotThreshold) {
        AggregateSnapshotter snapshotter = AggregateSnapshotter.builder()
                .eventStore(store)
                .aggregateFactories(new GenericAggregateFactory<>(Stock.class))
                .build();
        EventSourcingRepository<Stock> repository = EventSourcingRepository.builder(Stock.class)
                .eventStore(store)
                .snapshotTriggerDefinition(new EventCountSnapshotTriggerDefinition(snapshotter, snapshotThreshold))
                .build();
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        // the metadata the applications carry on, so that events name their user and conflict
        bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(new SimpleCorrelationDataProvider(
                CorrelationAutoConfiguration.CORRELATION_ID,
                CorrelationAutoConfiguration.USER_ID,
                CorrelationAutoConfiguration.CONFLICT_ID)));
        AggregateAnnotationCommandHandler.<Stock>builder()
                .aggregateType(Stock.class)
                .repository(repository)
                .build()
                .subscribe(bus);
        new AnnotationCommandHandlerAdapter<>(new StockReservationHandler(
                        repository,
                        DefaultEventGateway.builder().eventBus(store).build()))
                .subscribe(bus);
        return DefaultCommandGateway.builder().commandBus(bus).build();
    }

    /** The levels of the aggregate rebuilt by its own handlers from {@code events} alone (no snapshot). */
    @SuppressWarnings("unchecked")
    public static Levels replay(String stockId, List<? extends DomainEventMessage<?>> events) {
        InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();
        engine.appendEvents(events);
        EventSourcingRepository<Stock> repository = EventSourcingRepository.builder(Stock.class)
                .eventStore(EmbeddedEventStore.builder().storageEngine(engine).build())
                .build();
        var unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            Stock stock = repository.load(stockId).invoke(s -> s);
            int onHand = (int) ReflectionTestUtils.getField(stock, "onHand");
            Map<String, Integer> reservations =
                    (Map<String, Integer>) ReflectionTestUtils.getField(stock, "reservations");
            return new Levels(
                    onHand,
                    reservations.values().stream().mapToInt(Integer::intValue).sum());
        } finally {
            unitOfWork.rollback();
        }
    }
}

package io.syncline.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.syncline.api.common.ErrorCode;
import io.syncline.api.common.ErrorDetails;
import io.syncline.api.common.Refusals;
import io.syncline.api.inventory.StockCommands.AdjustStock;
import io.syncline.api.inventory.StockCommands.CountStock;
import io.syncline.api.inventory.StockEvents.StockCounted;
import io.syncline.api.inventory.StockEvents.StockDefined;
import io.syncline.api.inventory.StockIds;
import io.syncline.api.inventory.StockQueries.FindStock;
import io.syncline.api.inventory.StockQueries.ListStock;
import io.syncline.api.inventory.StockQueries.StockPage;
import io.syncline.api.inventory.StockQueries.StockView;
import io.syncline.api.testing.AxonServerWire;
import io.syncline.inventory.levels.StockLevelProjection;
import io.syncline.inventory.levels.StockLevelRepository;
import io.syncline.inventory.stock.Stock;
import io.syncline.inventory.stock.UnknownStockInterceptor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.boot.test.autoconfigure.orm.jpa.TestEntityManager;
import org.springframework.test.context.TestPropertySource;

/**
 * What the gateway gets from this service across Axon Server: the real handlers' answers, put
 * through the Axon Server connector's serializers with the service's own Jackson mapper, read with
 * the response types the gateway's {@code StockService} declares.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ImportAutoConfiguration(JacksonAutoConfiguration.class)
@TestPropertySource(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:stock-wire;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            "spring.flyway.locations=classpath:db/migration/inventory"
        })
class StockAcrossAxonServerTest {

    /** The gateway's queries: an optional view. */
    private static final ResponseType<Optional<StockView>> FOUND = ResponseTypes.optionalInstanceOf(StockView.class);
    /** The gateway's subscriptions: a nullable view first, then views. */
    private static final ResponseType<StockView> VIEW = ResponseTypes.instanceOf(StockView.class);

    private static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(5);

    @Autowired
    private StockLevelRepository repository;

    @Autowired
    private TestEntityManager entityManager;

    @Autowired
    private ObjectMapper objectMapper;

    private StockLevelProjection projection;
    private AnnotationEventHandlerAdapter events;
    private QueryGateway queries;
    private CommandGateway commands;

    @BeforeEach
    void setUp() {
        AxonServerWire wire = new AxonServerWire(objectMapper);
        SimpleQueryUpdateEmitter emitter = SimpleQueryUpdateEmitter.builder().build();
        projection = new StockLevelProjection(repository, emitter);
        events = new AnnotationEventHandlerAdapter(projection);
        SimpleQueryBus queryHandlers =
                SimpleQueryBus.builder().queryUpdateEmitter(emitter).build();
        new AnnotationQueryHandlerAdapter<>(projection).subscribe(queryHandlers);
        queries = DefaultQueryGateway.builder()
                .queryBus(wire.queryBus(queryHandlers))
                .build();

        EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine())
                .build();
        SimpleCommandBus commandHandlers = SimpleCommandBus.builder().build();
        commandHandlers.registerHandlerInterceptor(new UnknownStockInterceptor());
        AggregateAnnotationCommandHandler.<Stock>builder()
                .aggregateType(Stock.class)
                .repository(EventSourcingRepository.builder(Stock.class)
                        .eventStore(eventStore)
                        .build())
                .build()
                .subscribe(commandHandlers);
        commands = DefaultCommandGateway.builder()
                .commandBus(wire.commandBus(commandHandlers))
                .build();
    }

    @Test
    void findStockArrivesAsTheView() {
        stocked("m1", "sku-1", 10);

        Optional<StockView> found =
                queries.query(new FindStock("m1", "sku-1"), FOUND).join();

        assertThat(found).get().isInstanceOf(StockView.class);
        assertThat(found).isEqualTo(projection.handle(new FindStock("m1", "sku-1")));
        assertThat(found.get().onHand()).isEqualTo(10);
        assertThat(found.get().updatedAt()).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void findStockOfAnUnknownSkuArrivesEmpty() {
        stocked("m1", "sku-1", 10);

        assertThat(queries.query(new FindStock("m1", "nope"), FOUND).join()).isEmpty();
        assertThat(queries.query(new FindStock("m2", "sku-1"), FOUND).join()).isEmpty();
    }

    @Test
    void listStockArrivesAsAPageOfViews() {
        stocked("m1", "a", 10);
        stocked("m1", "b", 0);

        StockPage page = queries.query(new ListStock("m1", true, 0, 10), ResponseTypes.instanceOf(StockPage.class))
                .join();

        assertThat(page).isEqualTo(projection.handle(new ListStock("m1", true, 0, 10)));
        assertThat(page.items()).hasSize(1).first().isInstanceOf(StockView.class);
        assertThat(page.items().get(0).sku()).isEqualTo("b");
        assertThat(page.total()).isEqualTo(1);
    }

    @Test
    void aSubscriptionStartsWithTheViewAndFollowsWithViews() {
        stocked("m1", "sku-1", 10);
        try (SubscriptionQueryResult<StockView, StockView> watched =
                queries.subscriptionQuery(new FindStock("m1", "sku-1"), VIEW, VIEW)) {
            StockView initial = watched.initialResult().block(WAIT);
            List<StockView> updates = new CopyOnWriteArrayList<>();
            watched.updates().subscribe(updates::add);

            handle("m1", "sku-1", 2, new StockCounted(id("m1", "sku-1"), "m1", "sku-1", 10, 7, 0));

            assertThat(initial).isInstanceOf(StockView.class);
            assertThat(initial.onHand()).isEqualTo(10);
            await().atMost(WAIT).until(() -> !updates.isEmpty());
            assertThat(updates)
                    .first()
                    .isInstanceOf(StockView.class)
                    .isEqualTo(projection.handle(new FindStock("m1", "sku-1")).orElseThrow());
            assertThat(updates.get(0).onHand()).isEqualTo(7);
        }
    }

    @Test
    void aSubscriptionToAnUnknownSkuStartsWithNothing() {
        try (SubscriptionQueryResult<StockView, StockView> watched =
                queries.subscriptionQuery(new FindStock("m1", "nope"), VIEW, VIEW)) {
            assertThat(watched.initialResult().blockOptional(WAIT)).isEmpty();
        }
    }

    @Test
    void countStockAnswersWhetherItDefinedTheStock() {
        String id = id("m1", "sku-1");

        Object first = commands.sendAndWait(new CountStock(id, "m1", "sku-1", "Mug", 10, 3));
        Object second = commands.sendAndWait(new CountStock(id, "m1", "sku-1", "Big mug", 8, 2));

        assertThat(first).isEqualTo(Boolean.TRUE);
        assertThat(second).isEqualTo(Boolean.FALSE);
    }

    @Test
    void aRefusalArrivesWithItsDetails() {
        String id = id("m1", "sku-1");
        commands.sendAndWait(new CountStock(id, "m1", "sku-1", "Mug", 2, 0));

        assertThatThrownBy(() -> commands.sendAndWait(new AdjustStock(id, "m1", "sku-1", -3, "lost")))
                .satisfies(e -> assertThat(Refusals.detailsOf(e))
                        .map(ErrorDetails::code)
                        .contains(ErrorCode.CONFLICT));
    }

    @Test
    void anAdjustmentOfAnUnknownSkuArrivesAsNotFound() {
        commands.sendAndWait(new CountStock(id("m1", "sku-1"), "m1", "sku-1", "Mug", 2, 0));

        // another merchant's SKU is a stock that does not exist
        assertThatThrownBy(() -> commands.sendAndWait(new AdjustStock(id("m2", "sku-1"), "m2", "sku-1", 1, "x")))
                .satisfies(e -> assertThat(Refusals.detailsOf(e))
                        .map(ErrorDetails::code)
                        .contains(ErrorCode.NOT_FOUND));
    }

    private void stocked(String merchantId, String sku, int onHand) {
        handle(merchantId, sku, 0, new StockDefined(id(merchantId, sku), merchantId, sku, "Mug", 3));
        handle(merchantId, sku, 1, new StockCounted(id(merchantId, sku), merchantId, sku, 0, onHand, 0));
    }

    private void handle(String merchantId, String sku, long sequence, Object payload) {
        try {
            events.handle(new GenericDomainEventMessage<>(
                    "Stock",
                    id(merchantId, sku),
                    sequence,
                    payload,
                    MetaData.emptyInstance(),
                    UUID.randomUUID().toString(),
                    T0.plusSeconds(sequence)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        entityManager.flush();
        entityManager.clear();
    }

    private static String id(String merchantId, String sku) {
        return StockIds.of(merchantId, sku);
    }
}

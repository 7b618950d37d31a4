package io.syncline.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.syncline.api.common.ErrorCode;
import io.syncline.api.common.ErrorDetails;
import io.syncline.api.common.Refusals;
import io.syncline.api.orders.OrderCommands.CancelOrder;
import io.syncline.api.orders.OrderCommands.PlaceOrder;
import io.syncline.api.orders.OrderCommands.ShipOrder;
import io.syncline.api.orders.OrderEvents.OrderConfirmed;
import io.syncline.api.orders.OrderEvents.OrderPlaced;
import io.syncline.api.orders.OrderLine;
import io.syncline.api.orders.OrderQueries.FindOrder;
import io.syncline.api.orders.OrderQueries.FindOrderByChannelOrder;
import io.syncline.api.orders.OrderQueries.ListOrders;
import io.syncline.api.orders.OrderQueries.OrderPage;
import io.syncline.api.orders.OrderQueries.OrderView;
import io.syncline.api.orders.OrderStatus;
import io.syncline.api.testing.AxonServerWire;
import io.syncline.orders.command.ChannelOrderKey;
import io.syncline.orders.command.ChannelOrderKeyRepository;
import io.syncline.orders.command.Order;
import io.syncline.orders.command.PlaceOrderHandler;
import io.syncline.orders.command.UnknownOrderInterceptor;
import io.syncline.orders.query.OrderProjection;
import io.syncline.orders.query.OrderSummaryRepository;
import io.syncline.orders.query.OrderViewQueryHandler;
import io.syncline.orders.support.OrdersJpaTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.commandhandling.AnnotationCommandHandlerAdapter;
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

/**
 * What the gateway gets from this service across Axon Server: the real handlers' answers, put
 * through the Axon Server connector's serializers with the service's own Jackson mapper, read with
 * the response types the gateway's {@code OrderService} declares.
 */
@OrdersJpaTest
@ImportAutoConfiguration(JacksonAutoConfiguration.class)
class OrdersAcrossAxonServerTest {

    /** The gateway's queries: an optional view. */
    private static final ResponseType<Optional<OrderView>> FOUND = ResponseTypes.optionalInstanceOf(OrderView.class);
    /** The gateway's subscriptions: a nullable view first, then views. */
    private static final ResponseType<OrderView> VIEW = ResponseTypes.instanceOf(OrderView.class);

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final List<OrderLine> LINES = List.of(new OrderLine("TEA", 2), new OrderLine("MUG", 1));
    private static final Duration WAIT = Duration.ofSeconds(5);

    @Autowired
    private OrderSummaryRepository orders;

    @Autowired
    private ChannelOrderKeyRepository keys;

    @Autowired
    private ObjectMapper objectMapper;

    private OrderViewQueryHandler handler;
    private AnnotationEventHandlerAdapter events;
    private QueryGateway queries;
    private CommandGateway commands;

    @BeforeEach
    void setUp() {
        AxonServerWire wire = new AxonServerWire(objectMapper);
        SimpleQueryUpdateEmitter emitter = SimpleQueryUpdateEmitter.builder().build();
        events = new AnnotationEventHandlerAdapter(new OrderProjection(orders, emitter));
        handler = new OrderViewQueryHandler(orders, keys);
        SimpleQueryBus queryHandlers =
                SimpleQueryBus.builder().queryUpdateEmitter(emitter).build();
        new AnnotationQueryHandlerAdapter<>(handler).subscribe(queryHandlers);
        queries = DefaultQueryGateway.builder()
                .queryBus(wire.queryBus(queryHandlers))
                .build();

        EventSourcingRepository<Order> repository = EventSourcingRepository.builder(Order.class)
                .eventStore(EmbeddedEventStore.builder()
                        .storageEngine(new InMemoryEventStorageEngine())
                        .build())
                .build();
        SimpleCommandBus commandHandlers = SimpleCommandBus.builder().build();
        commandHandlers.registerHandlerInterceptor(new UnknownOrderInterceptor());
        AggregateAnnotationCommandHandler.<Order>builder()
                .aggregateType(Order.class)
                .repository(repository)
                .build()
                .subscribe(commandHandlers);
        new AnnotationCommandHandlerAdapter<>(new PlaceOrderHandler(repository, keys)).subscribe(commandHandlers);
        commands = DefaultCommandGateway.builder()
                .commandBus(wire.commandBus(commandHandlers))
                .build();
    }

    @Test
    void findOrderArrivesAsTheView() {
        placed("order-1", "acme", "1001");
        handle("order-1", 1, new OrderConfirmed("order-1", "acme"));

        Optional<OrderView> found =
                queries.query(new FindOrder("acme", "order-1"), FOUND).join();

        assertThat(found).get().isInstanceOf(OrderView.class);
        assertThat(found).isEqualTo(handler.handle(new FindOrder("acme", "order-1")));
        assertThat(found.get().status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(found.get().lines()).containsExactlyElementsOf(LINES);
        assertThat(found.get().createdAt()).isEqualTo(T0);
    }

    @Test
    void findOrderOfAnUnknownOrAnotherMerchantsOrderArrivesEmpty() {
        placed("order-1", "acme", "1001");

        assertThat(queries.query(new FindOrder("acme", "order-2"), FOUND).join())
                .isEmpty();
        assertThat(queries.query(new FindOrder("globex", "order-1"), FOUND).join())
                .isEmpty();
    }

    @Test
    void findOrderByChannelOrderArrivesAsTheView() {
        placed("order-1", "acme", "1001");

        Optional<OrderView> found = queries.query(new FindOrderByChannelOrder("acme", "web", "1001"), FOUND)
                .join();

        assertThat(found).get().isInstanceOf(OrderView.class);
        assertThat(found).isEqualTo(handler.handle(new FindOrderByChannelOrder("acme", "web", "1001")));
        assertThat(found.get().orderId()).isEqualTo("order-1");
        assertThat(queries.query(new FindOrderByChannelOrder("acme", "web", "1002"), FOUND)
                        .join())
                .isEmpty();
    }

    @Test
    void findOrderByChannelOrderArrivesAsTheProvisionalViewBeforeTheProjection() {
        keys.saveAndFlush(new ChannelOrderKey("order-1", "acme", "web", "1001", T0));

        Optional<OrderView> found = queries.query(new FindOrderByChannelOrder("acme", "web", "1001"), FOUND)
                .join();

        assertThat(found)
                .get()
                .isInstanceOf(OrderView.class)
                .isEqualTo(
                        new OrderView("order-1", "acme", "web", "1001", OrderStatus.PENDING, List.of(), null, T0, T0));
    }

    @Test
    void listOrdersArrivesAsAPageOfViews() {
        placed("order-1", "acme", "1001");
        placed("order-2", "acme", "1002");
        handle("order-2", 1, new OrderConfirmed("order-2", "acme"));

        OrderPage page = queries.query(
                        new ListOrders("acme", OrderStatus.CONFIRMED, 0, 10), ResponseTypes.instanceOf(OrderPage.class))
                .join();

        assertThat(page).isEqualTo(handler.handle(new ListOrders("acme", OrderStatus.CONFIRMED, 0, 10)));
        assertThat(page.items()).hasSize(1).first().isInstanceOf(OrderView.class);
        assertThat(page.items().get(0).orderId()).isEqualTo("order-2");
        assertThat(page.items().get(0).lines()).first().isInstanceOf(OrderLine.class);
    }

    @Test
    void aSubscriptionBeforeThePlacementStartsWithNothingAndFollowsWithViews() {
        try (SubscriptionQueryResult<OrderView, OrderView> watched =
                queries.subscriptionQuery(new FindOrder("acme", "order-1"), VIEW, VIEW)) {
            Optional<OrderView> initial = watched.initialResult().blockOptional(WAIT);
            List<OrderView> updates = new CopyOnWriteArrayList<>();
            watched.updates().subscribe(updates::add);

            placed("order-1", "acme", "1001");
            handle("order-1", 1, new OrderConfirmed("order-1", "acme"));

            assertThat(initial).isEmpty();
            await().atMost(WAIT).until(() -> updates.size() == 2);
            assertThat(updates).allSatisfy(u -> assertThat(u).isInstanceOf(OrderView.class));
            assertThat(updates)
                    .extracting(OrderView::status)
                    .containsExactly(OrderStatus.PENDING, OrderStatus.CONFIRMED);
            assertThat(updates.get(1))
                    .isEqualTo(handler.handle(new FindOrder("acme", "order-1")).orElseThrow());
        }
    }

    @Test
    void aSubscriptionToAKnownOrderStartsWithItsView() {
        placed("order-1", "acme", "1001");
        try (SubscriptionQueryResult<OrderView, OrderView> watched =
                queries.subscriptionQuery(new FindOrder("acme", "order-1"), VIEW, VIEW)) {
            OrderView initial = watched.initialResult().block(WAIT);

            assertThat(initial)
                    .isInstanceOf(OrderView.class)
                    .isEqualTo(handler.handle(new FindOrder("acme", "order-1")).orElseThrow());
        }
    }

    @Test
    void placeOrderAnswersTheOrderIdAndADuplicateNamesTheExistingOrder() {
        Object placed = commands.sendAndWait(new PlaceOrder("order-1", "acme", "web", "1001", LINES));
        keys.saveAndFlush(new ChannelOrderKey("order-1", "acme", "web", "1001", T0));

        assertThat(placed).isEqualTo("order-1");
        assertThatThrownBy(() -> commands.sendAndWait(new PlaceOrder("order-2", "acme", "web", "1001", LINES)))
                .satisfies(e -> assertThat(Refusals.detailsOf(e))
                        .get()
                        .isEqualTo(new ErrorDetails(
                                ErrorCode.DUPLICATE, "Channel order web/1001 is order order-1", "order-1")));
    }

    @Test
    void refusalsOfOrderCommandsArriveWithTheirCodes() {
        commands.sendAndWait(new PlaceOrder("order-1", "acme", "web", "1001", LINES));

        assertThatThrownBy(() -> commands.sendAndWait(new ShipOrder("order-1", "acme")))
                .satisfies(e -> assertThat(Refusals.detailsOf(e))
                        .map(ErrorDetails::code)
                        .contains(ErrorCode.CONFLICT));
        assertThatThrownBy(() -> commands.sendAndWait(new CancelOrder("order-2", "acme", "late")))
                .satisfies(e -> assertThat(Refusals.detailsOf(e))
                        .map(ErrorDetails::code)
                        .contains(ErrorCode.NOT_FOUND));
    }

    private void placed(String orderId, String merchantId, String channelOrderId) {
        handle(orderId, 0, new OrderPlaced(orderId, merchantId, "web", channelOrderId, LINES, T0));
    }

    private void handle(String orderId, long sequence, Object payload) {
        try {
            events.handle(new GenericDomainEventMessage<>(
                    "Order",
                    orderId,
                    sequence,
                    payload,
                    MetaData.emptyInstance(),
                    UUID.randomUUID().toString(),
                    T0.plusSeconds(sequence)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        orders.flush();
    }
}

package io.syncline.gateway.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.syncline.api.inventory.StockQueries.FindStock;
import io.syncline.api.inventory.StockQueries.StockPage;
import io.syncline.api.inventory.StockQueries.StockView;
import io.syncline.api.orders.OrderQueries.OrderPage;
import io.syncline.api.orders.OrderQueries.OrderView;
import io.syncline.api.orders.OrderStatus;
import io.syncline.api.testing.AxonServerWire;
import io.syncline.gateway.http.FakeInventory;
import io.syncline.gateway.http.FakeOrders;
import io.syncline.gateway.inventory.StockRequests;
import io.syncline.gateway.inventory.StockService;
import io.syncline.gateway.orders.OrderRequests;
import io.syncline.gateway.orders.OrderService;
import io.syncline.gateway.web.GatewayProperties;
import io.syncline.gateway.web.ServiceFailures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.AnnotationCommandHandlerAdapter;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.ProblemDetail;

/**
 * The gateway's service calls across Axon Server (the connector's serializers with the gateway's
 * Jackson mapper), to stand-ins that answer as the services do: what the gateway declares must be
 * what it gets, not a map where a view belongs.
 */
@SpringBootTest(classes = JacksonAutoConfiguration.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ServicesAcrossAxonServerTest {

    @Autowired
    private ObjectMapper objectMapper;

    private QueryGateway queries;
    private ServiceCalls calls;
    private StockService stock;
    private OrderService orders;

    @BeforeEach
    void setUp() {
        SimpleQueryUpdateEmitter emitter = SimpleQueryUpdateEmitter.builder().build();
        SimpleQueryBus queryHandlers =
                SimpleQueryBus.builder().queryUpdateEmitter(emitter).build();
        SimpleCommandBus commandHandlers = SimpleCommandBus.builder().build();
        for (Object service : List.of(new FakeInventory(emitter), new FakeOrders(emitter))) {
            new AnnotationCommandHandlerAdapter<>(service).subscribe(commandHandlers);
            new AnnotationQueryHandlerAdapter<>(service).subscribe(queryHandlers);
        }
        AxonServerWire wire = new AxonServerWire(objectMapper);
        GatewayProperties properties = GatewayProperties.defaults();
        queries = DefaultQueryGateway.builder()
                .queryBus(wire.queryBus(queryHandlers))
                .build();
        calls = new ServiceCalls(
                DefaultCommandGateway.builder()
                        .commandBus(wire.commandBus(commandHandlers))
                        .build(),
                queries,
                properties);
        stock = new StockService(calls, properties);
        orders = new OrderService(calls, properties);
    }

    @Test
    void countsANewSkuAndThenCountsItAgain() {
        StockService.Counted defined = stock.count("m1", "sku-1", new StockRequests.Count(5, 1, "Mug"));
        StockService.Counted counted = stock.count("m1", "sku-1", new StockRequests.Count(7, 2, "Big mug"));

        assertThat(defined.created()).isTrue();
        assertThat(defined.view()).get().isInstanceOf(StockView.class);
        assertThat(defined.view().get().onHand()).isEqualTo(5);
        assertThat(counted.created()).isFalse();
        assertThat(counted.view()).get().isInstanceOf(StockView.class);
        assertThat(counted.view().get())
                .extracting(StockView::onHand, StockView::lowStockThreshold, StockView::name)
                .containsExactly(7, 2, "Big mug");
    }

    @Test
    void adjustsASkuAndReadsItAndItsList() {
        stock.count("m1", "sku-1", new StockRequests.Count(5, 1, "Mug"));

        Optional<StockView> adjusted = stock.adjust("m1", "sku-1", new StockRequests.Adjustment(-4, "breakage"));
        Optional<StockView> found = stock.find("m1", "sku-1");
        StockPage low = stock.list("m1", true, 0, 10);

        assertThat(adjusted).get().isInstanceOf(StockView.class);
        assertThat(adjusted.get().onHand()).isEqualTo(1);
        assertThat(found).get().isInstanceOf(StockView.class);
        assertThat(found.get().onHand()).isEqualTo(1);
        assertThat(low.items()).hasSize(1).first().isInstanceOf(StockView.class);
        assertThat(low.items().get(0).low()).isTrue();
        assertThat(stock.find("m1", "nope")).isEmpty();
        assertThat(stock.find("m2", "sku-1")).isEmpty();
    }

    @Test
    void adjustingAnotherMerchantsSkuIsNotFound() {
        stock.count("m1", "sku-1", new StockRequests.Count(5, 1, "Mug"));

        Throwable refused = catchThrowable(() -> stock.adjust("m2", "sku-1", new StockRequests.Adjustment(1, "x")));

        assertThat(ServiceFailures.problemFor(refused))
                .map(ProblemDetail::getStatus)
                .contains(404);
    }

    @Test
    void placesAnOrderAndFindsItAgainByItsChannelOrder() {
        OrderService.Placement placed = orders.place("m1", order("1001"), Optional.of(Duration.ofSeconds(5)));
        OrderService.Placement again = orders.place("m1", order("1001"), Optional.of(Duration.ofSeconds(5)));

        assertThat(placed.outcome()).isEqualTo(OrderService.Outcome.DECIDED);
        assertThat(placed.view()).get().isInstanceOf(OrderView.class);
        assertThat(placed.view().get().status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(again.outcome()).isEqualTo(OrderService.Outcome.EXISTING);
        assertThat(again.orderId()).isEqualTo(placed.orderId());
        assertThat(again.view()).get().isInstanceOf(OrderView.class);
        assertThat(again.view().get().orderId()).isEqualTo(placed.orderId());
    }

    @Test
    void findsAndListsOrders() {
        String orderId = orders.place("m1", order("1002"), Optional.of(Duration.ofSeconds(5)))
                .orderId();

        Optional<OrderView> found = orders.find("m1", orderId);
        OrderPage confirmed = orders.list("m1", OrderStatus.CONFIRMED, false, 0, 10);

        assertThat(found).get().isInstanceOf(OrderView.class);
        assertThat(found.get().lines()).hasSize(1);
        assertThat(confirmed.items()).hasSize(1).first().isInstanceOf(OrderView.class);
        assertThat(confirmed.items().get(0).orderId()).isEqualTo(orderId);
        assertThat(orders.find("m2", orderId)).isEmpty();
        assertThat(orders.find("m1", UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void anOptionalInitialResultWouldArriveWithAMapWhereTheViewBelongs() {
        stock.count("m1", "sku-1", new StockRequests.Count(5, 1, "Mug"));
        FindStock query = new FindStock("m1", "sku-1");
        ResponseType<Optional<StockView>> optional = ResponseTypes.optionalInstanceOf(StockView.class);

        try (SubscriptionQueryResult<Optional<StockView>, StockView> raw =
                queries.subscriptionQuery(query, optional, ResponseTypes.instanceOf(StockView.class))) {
            Optional<?> initial = raw.initialResult().block(Duration.ofSeconds(5));
            assertThat(initial).get().isInstanceOf(Map.class);
        }
        assertThatThrownBy(() -> calls.subscribe(query, optional, ResponseTypes.instanceOf(StockView.class)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static OrderRequests.Place order(String channelOrderId) {
        return new OrderRequests.Place("web", channelOrderId, List.of(new OrderRequests.Line("TEA", 1)));
    }
}

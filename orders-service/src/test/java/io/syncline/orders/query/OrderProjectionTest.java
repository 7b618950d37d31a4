package io.syncline.orders.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.syncline.api.inventory.StockEvents.StockReservationVoided;
import io.syncline.api.orders.OrderEvents.OrderCancelled;
import io.syncline.api.orders.OrderEvents.OrderConfirmed;
import io.syncline.api.orders.OrderEvents.OrderPlaced;
import io.syncline.api.orders.OrderEvents.OrderRejected;
import io.syncline.api.orders.OrderEvents.OrderShipped;
import io.syncline.api.orders.OrderLine;
import io.syncline.api.orders.OrderQueries.FindOrder;
import io.syncline.api.orders.OrderQueries.OrderView;
import io.syncline.api.orders.OrderStatus;
import io.syncline.orders.support.OrdersJpaTest;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@OrdersJpaTest
class OrderProjectionTest {

    private static final Instant PLACED_AT = Instant.parse("2025-03-01T10:00:00Z");
    private static final Instant LATER = PLACED_AT.plusSeconds(5);
    private static final List<OrderLine> LINES =
            List.of(new OrderLine("RED-MUG", 2), new OrderLine("TEA", 1), new OrderLine("RED-MUG", 1));
    private static final OrderPlaced PLACED = new OrderPlaced("order-1", "acme", "shopify", "1001", LINES, PLACED_AT);

    @Autowired
    private OrderSummaryRepository orders;

    @Autowired
    private JdbcTemplate jdbc;

    private QueryUpdateEmitter updates;
    private OrderProjection projection;

    @BeforeEach
    void setUp() {
        updates = mock(QueryUpdateEmitter.class);
        projection = new OrderProjection(orders, updates);
    }

    private OrderView view() {
        return orders.findById("order-1").orElseThrow().toView();
    }

    @Test
    void projectsPlacedOrderAsPendingWithLinesAsGiven() {
        projection.on(PLACED, 0);

        assertThat(view())
                .isEqualTo(new OrderView(
                        "order-1", "acme", "shopify", "1001", OrderStatus.PENDING, LINES, null, PLACED_AT, PLACED_AT));
    }

    @Test
    void tracksEveryStatus() {
        projection.on(PLACED, 0);
        projection.on(new OrderConfirmed("order-1", "acme"), 1, LATER);
        assertThat(view().status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(view().updatedAt()).isEqualTo(LATER);

        projection.on(new OrderShipped("order-1", "acme"), 2, LATER.plusSeconds(1));
        assertThat(view().status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(view().createdAt()).isEqualTo(PLACED_AT);
    }

    @Test
    void leavesStockEventsAlone() {
        var handlers = new AnnotationEventHandlerAdapter(projection);

        assertThat(handlers.canHandle(GenericEventMessage.asEventMessage(
                        new StockReservationVoided("acme/TEA", "acme", "TEA", "order-1"))))
                .isFalse();
    }

    @Test
    void keepsTheReasonOfARejection() {
        projection.on(PLACED, 0);
        projection.on(OrderRejected.of("order-1", "acme", "OUT_OF_STOCK:TEA"), 1, LATER);

        assertThat(view().status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(view().reason()).isEqualTo("OUT_OF_STOCK:TEA");
    }

    @Test
    void projectsCancellation() {
        projection.on(PLACED, 0);
        projection.on(new OrderCancelled("order-1", "acme", "customer", OrderStatus.PENDING), 1, LATER);

        assertThat(view().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(view().reason()).isEqualTo("customer");
    }

    @Test
    void skipsRedeliveredEvents() {
        projection.on(PLACED, 0);
        projection.on(new OrderConfirmed("order-1", "acme"), 1, LATER);
        projection.on(new OrderCancelled("order-1", "acme", "customer", OrderStatus.CONFIRMED), 2, LATER);

        projection.on(new OrderConfirmed("order-1", "acme"), 1, LATER);
        projection.on(PLACED, 0);

        assertThat(view().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(view().lines()).isEqualTo(LINES);
        verify(updates, times(3)).emit(eq(FindOrder.class), any(), any(OrderView.class));
    }

    @Test
    @SuppressWarnings("unchecked")
    void pushesEveryChangeToSubscribersOfThatOrderOnly() {
        projection.on(PLACED, 0);
        projection.on(new OrderConfirmed("order-1", "acme"), 1, LATER);

        ArgumentCaptor<Predicate<FindOrder>> filter = ArgumentCaptor.forClass(Predicate.class);
        ArgumentCaptor<OrderView> pushed = ArgumentCaptor.forClass(OrderView.class);
        verify(updates, times(2)).emit(eq(FindOrder.class), filter.capture(), pushed.capture());
        assertThat(pushed.getAllValues())
                .extracting(OrderView::status)
                .containsExactly(OrderStatus.PENDING, OrderStatus.CONFIRMED);
        Predicate<FindOrder> last = filter.getValue();
        assertThat(last.test(new FindOrder("acme", "order-1"))).isTrue();
        assertThat(last.test(new FindOrder("globex", "order-1"))).isFalse();
        assertThat(last.test(new FindOrder("acme", "order-2"))).isFalse();
    }

    @Test
    void ignoresChangeOfUnknownOrder() {
        projection.on(new OrderConfirmed("order-9", "acme"), 1, LATER);

        assertThat(orders.count()).isZero();
        verify(updates, never()).emit(eq(FindOrder.class), any(), any(OrderView.class));
    }

    @Test
    void resetEmptiesTheReadModel() {
        projection.on(PLACED, 0);
        orders.flush();

        projection.reset();

        assertThat(jdbc.queryForObject("select count(*) from order_views", Long.class))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from order_view_lines", Long.class))
                .isZero();
    }
}

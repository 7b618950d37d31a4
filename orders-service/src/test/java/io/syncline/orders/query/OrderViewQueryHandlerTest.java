package io.syncline.orders.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.syncline.api.orders.OrderEvents.OrderConfirmed;
import io.syncline.api.orders.OrderEvents.OrderPlaced;
import io.syncline.api.orders.OrderLine;
import io.syncline.api.orders.OrderQueries.FindOrder;
import io.syncline.api.orders.OrderQueries.FindOrderByChannelOrder;
import io.syncline.api.orders.OrderQueries.ListOrders;
import io.syncline.api.orders.OrderQueries.OrderPage;
import io.syncline.api.orders.OrderQueries.OrderView;
import io.syncline.api.orders.OrderStatus;
import io.syncline.orders.command.ChannelOrderKey;
import io.syncline.orders.command.ChannelOrderKeyRepository;
import io.syncline.orders.support.OrdersJpaTest;
import java.time.Instant;
import java.util.List;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@OrdersJpaTest
class OrderViewQueryHandlerTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    @Autowired
    private OrderSummaryRepository orders;

    @Autowired
    private ChannelOrderKeyRepository keys;

    private OrderProjection projection;
    private OrderViewQueryHandler queries;

    @BeforeEach
    void setUp() {
        projection = new OrderProjection(orders, mock(QueryUpdateEmitter.class));
        queries = new OrderViewQueryHandler(orders, keys);
    }

    private void placed(String orderId, String merchantId, String channelOrderId, int minutesAfterT0) {
        projection.on(
                new OrderPlaced(
                        orderId,
                        merchantId,
                        "shopify",
                        channelOrderId,
                        List.of(new OrderLine("TEA", 1)),
                        T0.plusSeconds(60L * minutesAfterT0)),
                0);
        orders.flush();
    }

    @Test
    void findsOwnOrder() {
        placed("order-1", "acme", "1001", 0);

        assertThat(queries.handle(new FindOrder("acme", "order-1")))
                .map(OrderView::orderId)
                .contains("order-1");
    }

    @Test
    void doesNotFindAnotherMerchantsOrder() {
        placed("order-1", "acme", "1001", 0);

        assertThat(queries.handle(new FindOrder("globex", "order-1"))).isEmpty();
        assertThat(queries.handle(new FindOrder("acme", "order-2"))).isEmpty();
    }

    @Test
    void findsOrderByChannelOrder() {
        placed("order-1", "acme", "1001", 0);

        assertThat(queries.handle(new FindOrderByChannelOrder("acme", "shopify", "1001")))
                .map(OrderView::orderId)
                .contains("order-1");
        assertThat(queries.handle(new FindOrderByChannelOrder("globex", "shopify", "1001")))
                .isEmpty();
        assertThat(queries.handle(new FindOrderByChannelOrder("acme", "tiktok", "1001")))
                .isEmpty();
    }

    @Test
    void answersOrderNotYetProjectedAsProvisionallyPending() {
        keys.saveAndFlush(new ChannelOrderKey("order-1", "acme", "shopify", "1001", T0));

        assertThat(queries.handle(new FindOrderByChannelOrder("acme", "shopify", "1001")))
                .contains(new OrderView(
                        "order-1", "acme", "shopify", "1001", OrderStatus.PENDING, List.of(), null, T0, T0));
        assertThat(queries.handle(new FindOrderByChannelOrder("globex", "shopify", "1001")))
                .isEmpty();
    }

    @Test
    void listsOwnOrdersNewestFirstInPages() {
        placed("order-1", "acme", "1001", 0);
        placed("order-2", "acme", "1002", 1);
        placed("order-3", "acme", "1003", 2);
        placed("order-x", "globex", "1001", 3);

        OrderPage first = queries.handle(new ListOrders("acme", null, 0, 2));
        OrderPage second = queries.handle(new ListOrders("acme", null, 1, 2));

        assertThat(first.items()).extracting(OrderView::orderId).containsExactly("order-3", "order-2");
        assertThat(first.total()).isEqualTo(3);
        assertThat(first.items().get(0).lines()).containsExactly(new OrderLine("TEA", 1));
        assertThat(second.items()).extracting(OrderView::orderId).containsExactly("order-1");
        assertThat(second.page()).isEqualTo(1);
        assertThat(second.size()).isEqualTo(2);
    }

    @Test
    void filtersListByStatus() {
        placed("order-1", "acme", "1001", 0);
        placed("order-2", "acme", "1002", 1);
        projection.on(new OrderConfirmed("order-1", "acme"), 1, T0.plusSeconds(600));
        orders.flush();

        OrderPage confirmed = queries.handle(new ListOrders("acme", OrderStatus.CONFIRMED, 0, 50));
        OrderPage pending = queries.handle(new ListOrders("acme", OrderStatus.PENDING, 0, 50));

        assertThat(confirmed.items()).extracting(OrderView::orderId).containsExactly("order-1");
        assertThat(confirmed.total()).isEqualTo(1);
        assertThat(pending.items()).extracting(OrderView::orderId).containsExactly("order-2");
    }

    @Test
    void boundsPageSize() {
        placed("order-1", "acme", "1001", 0);

        assertThat(queries.handle(new ListOrders("acme", null, -1, 0)).size()).isEqualTo(1);
        assertThat(queries.handle(new ListOrders("acme", null, 0, 100_000)).size())
                .isEqualTo(OrderViewQueryHandler.MAX_PAGE_SIZE);
    }
}

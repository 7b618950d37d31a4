package io.syncline.orders.query;

import io.syncline.api.orders.OrderQueries.FindOrder;
import io.syncline.api.orders.OrderQueries.FindOrderByChannelOrder;
import io.syncline.api.orders.OrderQueries.ListOrders;
import io.syncline.api.orders.OrderQueries.OrderPage;
import io.syncline.api.orders.OrderQueries.OrderView;
import io.syncline.api.orders.OrderStatus;
import io.syncline.orders.command.ChannelOrderKeyRepository;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/** Answers the order queries from the read model, only ever with the asking merchant's orders. */
@Component
public class OrderViewQueryHandler {

    static final int MAX_PAGE_SIZE = 500;
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("orderId"));

    private final OrderSummaryRepository orders;
    private final ChannelOrderKeyRepository channelOrderKeys;

    public OrderViewQueryHandler(OrderSummaryRepository orders, ChannelOrderKeyRepository channelOrderKeys) {
        this.orders = orders;
        this.channelOrderKeys = channelOrderKeys;
    }

    @QueryHandler
    public Optional<OrderView> handle(FindOrder query) {
        return orders.findByOrderIdAndMerchantId(query.orderId(), query.merchantId())
                .map(OrderSummary::toView);
    }

    /**
     * The read model may lag the command side by a moment, while the channel-order lookup is
     * written with the order itself. An order placed but not projected yet is answered from the
     * lookup as provisional: {@code PENDING} (every order starts so), no lines, no reason.
     */
    @QueryHandler
    public Optional<OrderView> handle(FindOrderByChannelOrder query) {
        return orders.findByMerchantIdAndChannelAndChannelOrderId(
                        query.merchantId(), query.channel(), query.channelOrderId())
                .map(OrderSummary::toView)
                .or(() -> channelOrderKeys
                        .findByMerchantIdAndChannelAndChannelOrderId(
                                query.merchantId(), query.channel(), query.channelOrderId())
                        .map(key -> new OrderView(
                                key.orderId(),
                                key.merchantId(),
                                key.channel(),
                                key.channelOrderId(),
                                OrderStatus.PENDING,
                                List.of(),
                                null,
                                key.createdAt(),
                                key.createdAt())));
    }

    @QueryHandler
    public OrderPage handle(ListOrders query) {
        int page = Math.max(query.page(), 0);
        int size = Math.min(Math.max(query.size(), 1), MAX_PAGE_SIZE);
        PageRequest request = PageRequest.of(page, size, NEWEST_FIRST);
        Page<OrderSummary> found;
        if (query.stalledOnly()) {
            found = query.status() == null
                    ? orders.findByMerchantIdAndStalledTrue(query.merchantId(), request)
                    : orders.findByMerchantIdAndStatusAndStalledTrue(query.merchantId(), query.status(), request);
        } else {
            found = query.status() == null
                    ? orders.findByMerchantId(query.merchantId(), request)
                    : orders.findByMerchantIdAndStatus(query.merchantId(), query.status(), request);
        }
        return new OrderPage(found.map(OrderSummary::toView).getContent(), page, size, found.getTotalElements());
    }
}

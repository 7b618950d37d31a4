package io.syncline.orders.query;

import io.syncline.api.orders.OrderStatus;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** The order read model. */
public interface OrderSummaryRepository extends JpaRepository<OrderSummary, String> {

    Optional<OrderSummary> findByOrderIdAndMerchantId(String orderId, String merchantId);

    Optional<OrderSummary> findByMerchantIdAndChannelAndChannelOrderId(
            String merchantId, String channel, String channelOrderId);

    Page<OrderSummary> findByMerchantId(String merchantId, Pageable pageable);

    Page<OrderSummary> findByMerchantIdAndStatus(String merchantId, OrderStatus status, Pageable pageable);

    Page<OrderSummary> findByMerchantIdAndStalledTrue(String merchantId, Pageable pageable);

    Page<OrderSummary> findByMerchantIdAndStatusAndStalledTrue(
            String merchantId, OrderStatus status, Pageable pageable);

    /** Stalled orders of every merchant (the meter). */
    long countByStalledTrue();
}

package io.syncline.orders;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the orders service.
 *
 * @param fulfilmentTimeout how long an order may wait for its stock reservations before it is
 *                          rejected with reason {@code TIMEOUT}
 */
@ConfigurationProperties("syncline.orders")
public record OrdersProperties(@DefaultValue("30s") Duration fulfilmentTimeout) {

    public OrdersProperties {
        if (fulfilmentTimeout == null || fulfilmentTimeout.isNegative() || fulfilmentTimeout.isZero()) {
            throw new IllegalArgumentException("syncline.orders.fulfilment-timeout must be positive");
        }
    }
}

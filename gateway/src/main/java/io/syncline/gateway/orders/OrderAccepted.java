package io.syncline.gateway.orders;

import io.syncline.api.orders.OrderStatus;

/** An accepted order command: which order, and the status it leads to. */
public record OrderAccepted(String orderId, OrderStatus status) {}

package io.syncline.simulator.orders;

import java.time.Instant;
import java.util.List;

/**
 * An order of a simulated shop, whatever its platform; the platform writes it in its own format. Changes are
 * made by {@link Orders} under the shop's lock, and each makes a new value.
 */
public record Order(
        String id,
        String shop,
        int number,
        List<OrderLine> lines,
        OrderStatus status,
        Instant createdAt,
        Instant updatedAt,
        Instant cancelledAt,
        String cancelReason,
        Instant shippedAt,
        String fulfillmentId,
        Instant deliveredAt) {

    public Order {
        lines = List.copyOf(lines);
    }

    public int units() {
        return lines.stream().mapToInt(OrderLine::quantity).sum();
    }

    Order withLines(List<OrderLine> other, Instant at) {
        return new Order(
                id,
                shop,
                number,
                other,
                status,
                createdAt,
                at,
                cancelledAt,
                cancelReason,
                shippedAt,
                fulfillmentId,
                deliveredAt);
    }

    Order cancelled(Instant at, String reason) {
        return new Order(
                id,
                shop,
                number,
                lines,
                OrderStatus.CANCELLED,
                createdAt,
                at,
                at,
                reason,
                shippedAt,
                fulfillmentId,
                deliveredAt);
    }

    Order shipped(Instant at, String fulfillment) {
        return new Order(
                id,
                shop,
                number,
                lines,
                OrderStatus.SHIPPED,
                createdAt,
                at,
                cancelledAt,
                cancelReason,
                at,
                fulfillment,
                deliveredAt);
    }

    Order delivered(Instant at) {
        return new Order(
                id,
                shop,
                number,
                lines,
                OrderStatus.DELIVERED,
                createdAt,
                at,
                cancelledAt,
                cancelReason,
                shippedAt,
                fulfillmentId,
                at);
    }
}

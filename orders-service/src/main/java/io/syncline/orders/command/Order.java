package io.syncline.orders.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.syncline.api.common.Refusals;
import io.syncline.api.orders.OrderCommands.CancelOrder;
import io.syncline.api.orders.OrderCommands.ConfirmOrder;
import io.syncline.api.orders.OrderCommands.PlaceOrder;
import io.syncline.api.orders.OrderCommands.RejectOrder;
import io.syncline.api.orders.OrderCommands.ReportFulfilmentResumed;
import io.syncline.api.orders.OrderCommands.ReportFulfilmentStall;
import io.syncline.api.orders.OrderCommands.ShipOrder;
import io.syncline.api.orders.OrderEvents.OrderCancelled;
import io.syncline.api.orders.OrderEvents.OrderConfirmed;
import io.syncline.api.orders.OrderEvents.OrderFulfilmentResumed;
import io.syncline.api.orders.OrderEvents.OrderFulfilmentStalled;
import io.syncline.api.orders.OrderEvents.OrderPlaced;
import io.syncline.api.orders.OrderEvents.OrderRejected;
import io.syncline.api.orders.OrderEvents.OrderShipped;
import io.syncline.api.orders.OrderLine;
import io.syncline.api.orders.OrderStatus;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** An order from a sales channel and its life cycle; the fulfilment saga decides confirm or reject. */
@Aggregate(cache = "orderCache")
public class Order {

    @AggregateIdentifier
    private String orderId;

    private String merchantId;
    private OrderStatus status;
    private boolean stalled;

    protected Order() {
        // for event sourcing
    }

    /** Created by {@link PlaceOrderHandler} once the channel order is known to be new. */
    Order(PlaceOrder command) {
        requireText(command.orderId(), "orderId");
        requireText(command.merchantId(), "merchantId");
        requireText(command.channel(), "channel");
        requireText(command.channelOrderId(), "channelOrderId");
        requireLines(command.lines());
        apply(new OrderPlaced(
                command.orderId(),
                command.merchantId(),
                command.channel(),
                command.channelOrderId(),
                List.copyOf(command.lines()),
                GenericEventMessage.clock.instant(),
                command.channelPlacedAt()));
    }

    @CommandHandler
    void handle(ConfirmOrder command) {
        requireMerchant(command.merchantId());
        if (status == OrderStatus.CONFIRMED) {
            return;
        }
        requirePending("confirmed");
        apply(new OrderConfirmed(orderId, merchantId));
    }

    @CommandHandler
    void handle(RejectOrder command) {
        requireMerchant(command.merchantId());
        if (status == OrderStatus.REJECTED) {
            return;
        }
        requireText(command.reason(), "reason");
        requirePending("rejected");
        apply(OrderRejected.of(orderId, merchantId, command.reason()));
    }

    @CommandHandler
    void handle(CancelOrder command) {
        requireMerchant(command.merchantId());
        switch (status) {
            case CANCELLED -> {}
            case PENDING, CONFIRMED -> apply(new OrderCancelled(orderId, merchantId, command.reason(), status));
            default -> throw Refusals.conflict("Order " + orderId + " is " + status + " and cannot be cancelled");
        }
    }

    @CommandHandler
    void handle(ShipOrder command) {
        requireMerchant(command.merchantId());
        if (status != OrderStatus.CONFIRMED) {
            throw Refusals.conflict("Order " + orderId + " is " + status + "; only a CONFIRMED order can be shipped");
        }
        apply(new OrderShipped(orderId, merchantId));
    }

    /** Reported by the fulfilment saga; whatever the status, the order says that it is stuck. */
    @CommandHandler
    void handle(ReportFulfilmentStall command) {
        requireMerchant(command.merchantId());
        if (stalled) {
            return;
        }
        requireText(command.reason(), "reason");
        apply(new OrderFulfilmentStalled(orderId, merchantId, command.reason(), GenericEventMessage.clock.instant()));
    }

    @CommandHandler
    void handle(ReportFulfilmentResumed command) {
        requireMerchant(command.merchantId());
        if (stalled) {
            apply(new OrderFulfilmentResumed(orderId, merchantId));
        }
    }

    @EventSourcingHandler
    void on(OrderFulfilmentStalled event) {
        stalled = true;
    }

    @EventSourcingHandler
    void on(OrderFulfilmentResumed event) {
        stalled = false;
    }

    @EventSourcingHandler
    void on(OrderPlaced event) {
        orderId = event.orderId();
        merchantId = event.merchantId();
        status = OrderStatus.PENDING;
    }

    @EventSourcingHandler
    void on(OrderConfirmed event) {
        status = OrderStatus.CONFIRMED;
    }

    @EventSourcingHandler
    void on(OrderRejected event) {
        status = OrderStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(OrderCancelled event) {
        status = OrderStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(OrderShipped event) {
        status = OrderStatus.SHIPPED;
    }

    /** Another merchant's order does not exist for the caller. */
    private void requireMerchant(String commandMerchantId) {
        if (!merchantId.equals(commandMerchantId)) {
            throw Refusals.notFound("Order " + orderId + " not found");
        }
    }

    private void requirePending(String wanted) {
        if (status != OrderStatus.PENDING) {
            throw Refusals.conflict("Order " + orderId + " is " + status + " and cannot be " + wanted);
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw Refusals.invalid(field + " must not be blank");
        }
    }

    private static void requireLines(List<OrderLine> lines) {
        if (lines == null || lines.isEmpty()) {
            throw Refusals.invalid("An order needs at least one line");
        }
        for (OrderLine line : lines) {
            if (line == null || line.sku() == null || line.sku().isBlank()) {
                throw Refusals.invalid("Every line needs a sku");
            }
            if (line.quantity() <= 0) {
                throw Refusals.invalid("Quantity of " + line.sku() + " must be positive");
            }
        }
    }
}

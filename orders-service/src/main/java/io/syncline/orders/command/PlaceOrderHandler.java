package io.syncline.orders.command;

import io.syncline.api.common.Refusals;
import io.syncline.api.orders.OrderCommands.PlaceOrder;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Places orders with set-based validation: a channel order the merchant has placed before is
 * refused as {@code DUPLICATE} naming the existing order. The lookup is only a fast path; two
 * placements racing past it are told apart by the unique key {@link ChannelOrderKeyRecorder} writes
 * in the same transaction.
 */
@Component
public class PlaceOrderHandler {

    private final Repository<Order> orders;
    private final ChannelOrderKeyRepository channelOrderKeys;

    public PlaceOrderHandler(Repository<Order> orders, ChannelOrderKeyRepository channelOrderKeys) {
        this.orders = orders;
        this.channelOrderKeys = channelOrderKeys;
    }

    /** Answers the id of the placed order. */
    @CommandHandler
    public String handle(PlaceOrder command) throws Exception {
        var existing = channelOrderKeys.findOrderId(command.merchantId(), command.channel(), command.channelOrderId());
        if (existing.isPresent()) {
            throw Refusals.duplicate(
                    "Channel order " + command.channel() + "/" + command.channelOrderId() + " is order "
                            + existing.get(),
                    existing.get());
        }
        orders.newInstance(() -> new Order(command));
        return command.orderId();
    }
}

package io.syncline.orders.command;

import io.syncline.api.common.Refusals;
import io.syncline.api.orders.OrderEvents.OrderPlaced;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the channel-order lookup. Runs in a subscribing processor (see {@code OrdersConfiguration}),
 * so the row is written in the transaction that stores {@code OrderPlaced}, and a failure here
 * fails the placing command and rolls the order back.
 */
@Component
@ProcessingGroup(ChannelOrderKeyRecorder.PROCESSING_GROUP)
public class ChannelOrderKeyRecorder {

    public static final String PROCESSING_GROUP = "channel-order-keys";

    private final ChannelOrderKeyRepository channelOrderKeys;
    private final TransactionTemplate separateTransaction;

    public ChannelOrderKeyRecorder(
            ChannelOrderKeyRepository channelOrderKeys, PlatformTransactionManager transactionManager) {
        this.channelOrderKeys = channelOrderKeys;
        this.separateTransaction = new TransactionTemplate(transactionManager);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.separateTransaction.setReadOnly(true);
    }

    @EventHandler
    void on(OrderPlaced event) {
        try {
            // flushed now so that a racing placement fails here, inside the command, on the unique key
            channelOrderKeys.saveAndFlush(new ChannelOrderKey(
                    event.orderId(), event.merchantId(), event.channel(), event.channelOrderId(), event.placedAt()));
        } catch (DataIntegrityViolationException clash) {
            // this transaction is lost; the winner is committed by now (the insert waited for it)
            String winner = committedOrderId(event)
                    .filter(id -> !id.equals(event.orderId()))
                    .orElseThrow(() -> clash);
            throw Refusals.duplicate(
                    "Channel order " + event.channel() + "/" + event.channelOrderId() + " is order " + winner, winner);
        }
    }

    private Optional<String> committedOrderId(OrderPlaced event) {
        return separateTransaction.execute(
                status -> channelOrderKeys.findOrderId(event.merchantId(), event.channel(), event.channelOrderId()));
    }
}

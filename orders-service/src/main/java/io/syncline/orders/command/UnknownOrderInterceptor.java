package io.syncline.orders.command;

import io.syncline.api.common.Refusals;
import io.syncline.api.orders.OrderCommands.CancelOrder;
import io.syncline.api.orders.OrderCommands.ConfirmOrder;
import io.syncline.api.orders.OrderCommands.RejectOrder;
import io.syncline.api.orders.OrderCommands.ShipOrder;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Refuses a command for an order that does not exist as {@code NOT_FOUND}, like one for another
 * merchant's order, instead of letting Axon's untyped exception reach the caller.
 */
@Component
public class UnknownOrderInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        try {
            return interceptorChain.proceed();
        } catch (AggregateNotFoundException missing) {
            Object payload = unitOfWork.getMessage().getPayload();
            if (payload instanceof ConfirmOrder
                    || payload instanceof RejectOrder
                    || payload instanceof CancelOrder
                    || payload instanceof ShipOrder) {
                throw Refusals.notFound("Order " + missing.getAggregateIdentifier() + " not found");
            }
            throw missing;
        }
    }
}

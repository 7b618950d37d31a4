package io.syncline.api.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncline.api.orders.OrderEvents.OrderRejected;
import io.syncline.api.orders.OrderRejectionReason;

/**
 * {@code OrderRejected} without a revision to revision 2: adds {@code reasonCode} and {@code sku}, read
 * from {@code reason} as {@link OrderRejectionReason} reads it; {@code reason} stays as it was.
 */
final class OrderRejectedUpcaster extends JsonUpcaster {

    OrderRejectedUpcaster() {
        super(OrderRejected.class, "2");
    }

    @Override
    void upcast(ObjectNode event) {
        JsonNode reason = event.path("reason");
        OrderRejectionReason parts = OrderRejectionReason.parse(reason.isTextual() ? reason.textValue() : null);
        event.put("reasonCode", parts.code());
        // written even when null, as the serializer writes revision 2
        event.put("sku", parts.sku());
    }
}

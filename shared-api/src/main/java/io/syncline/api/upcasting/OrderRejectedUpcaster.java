package io.syncline.api.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncline.api.orders.OrderEvents.OrderRejected;
import io.syncline.api.orders.OrderRejectionReason;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * {@code OrderRejected} without a revision to revision 2: adds {@code reasonCode} and {@code sku}, read
 * from {@code reason} as {@link OrderRejectionReason} reads it; {@code reason} stays as it was.
 */
final class OrderRejectedUpcaster extends SingleEventUpcaster {

    private static final String TYPE = OrderRejected.class.getName();
    private static final SimpleSerializedType TO = new SimpleSerializedType(TYPE, "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        SerializedType type = representation.getType();
        return TYPE.equals(type.getName()) && type.getRevision() == null;
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(TO, JsonNode.class, OrderRejectedUpcaster::upcast);
    }

    private static JsonNode upcast(JsonNode payload) {
        ObjectNode event = ((ObjectNode) payload).deepCopy();
        JsonNode reason = event.path("reason");
        OrderRejectionReason parts = OrderRejectionReason.parse(reason.isTextual() ? reason.textValue() : null);
        event.put("reasonCode", parts.code());
        // written even when null, as the serializer writes revision 2
        event.put("sku", parts.sku());
        return event;
    }
}

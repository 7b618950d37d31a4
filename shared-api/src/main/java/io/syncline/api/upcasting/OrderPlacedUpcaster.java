package io.syncline.api.upcasting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncline.api.orders.OrderEvents.OrderPlaced;

/** {@code OrderPlaced} without a revision to revision 2: the channel's own time of placing was not recorded, null. */
final class OrderPlacedUpcaster extends JsonUpcaster {

    OrderPlacedUpcaster() {
        super(OrderPlaced.class, "2");
    }

    @Override
    void upcast(ObjectNode event) {
        // written even when null, as the serializer writes revision 2
        event.putNull("channelPlacedAt");
    }
}

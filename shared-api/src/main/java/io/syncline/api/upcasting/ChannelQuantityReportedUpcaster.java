package io.syncline.api.upcasting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncline.api.channels.ChannelEvents.ChannelQuantityReported;

/**
 * {@code ChannelQuantityReported} without a revision to revision 2: {@code source} is {@code webhook} when a
 * delivery carried it, else {@code read}; {@code wanted}, {@code buffer} and {@code pushing} were not recorded
 * then and stay null.
 */
final class ChannelQuantityReportedUpcaster extends JsonUpcaster {

    ChannelQuantityReportedUpcaster() {
        super(ChannelQuantityReported.class, "2");
    }

    @Override
    void upcast(ObjectNode event) {
        event.put("source", event.path("deliveryId").isTextual() ? "webhook" : "read");
        // written even when null, as the serializer writes revision 2
        event.putNull("wanted");
        event.putNull("buffer");
        event.putNull("pushing");
    }
}

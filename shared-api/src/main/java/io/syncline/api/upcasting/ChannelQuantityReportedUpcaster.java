package io.syncline.api.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncline.api.channels.ChannelEvents.ChannelQuantityReported;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * {@code ChannelQuantityReported} without a revision to revision 2: {@code source} is {@code webhook} when a
 * delivery carried it, else {@code read}; {@code wanted}, {@code buffer} and {@code pushing} were not recorded
 * then and stay null.
 */
final class ChannelQuantityReportedUpcaster extends SingleEventUpcaster {

    private static final String TYPE = ChannelQuantityReported.class.getName();
    private static final SimpleSerializedType TO = new SimpleSerializedType(TYPE, "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        SerializedType type = representation.getType();
        return TYPE.equals(type.getName()) && type.getRevision() == null;
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(TO, JsonNode.class, ChannelQuantityReportedUpcaster::upcast);
    }

    private static JsonNode upcast(JsonNode payload) {
        ObjectNode event = ((ObjectNode) payload).deepCopy();
        JsonNode delivery = event.path("deliveryId");
        event.put("source", delivery.isTextual() ? "webhook" : "read");
        // written even when null, as the serializer writes revision 2
        event.putNull("wanted");
        event.putNull("buffer");
        event.putNull("pushing");
        return event;
    }
}

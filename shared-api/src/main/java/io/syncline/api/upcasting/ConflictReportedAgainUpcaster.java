package io.syncline.api.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncline.api.conflicts.ConflictEvents.ConflictReportedAgain;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/** {@code ConflictReportedAgain} without a revision to revision 2: its {@code reportId} was not recorded, null. */
final class ConflictReportedAgainUpcaster extends SingleEventUpcaster {

    private static final String TYPE = ConflictReportedAgain.class.getName();
    private static final SimpleSerializedType TO = new SimpleSerializedType(TYPE, "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        SerializedType type = representation.getType();
        return TYPE.equals(type.getName()) && type.getRevision() == null;
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(TO, JsonNode.class, payload -> {
            ObjectNode event = ((ObjectNode) payload).deepCopy();
            // written even when null, as the serializer writes revision 2
            event.putNull("reportId");
            return event;
        });
    }
}

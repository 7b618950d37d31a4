package io.syncline.api.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Upcasts one event type stored at one revision (none: {@code null}) to the next, as a JSON object: a subclass only
 * says which event, from and to which revision, and how a copy of the stored payload becomes the new one.
 */
abstract class JsonUpcaster extends SingleEventUpcaster {

    private final String type;
    private final String from;
    private final SimpleSerializedType to;

    /** From the event stored without a revision. */
    JsonUpcaster(Class<?> event, String revision) {
        this(event, null, revision);
    }

    JsonUpcaster(Class<?> event, String fromRevision, String revision) {
        this.type = event.getName();
        this.from = fromRevision;
        this.to = new SimpleSerializedType(type, revision);
    }

    /** Changes {@code event}, a copy of the stored payload, into the new revision's shape. */
    abstract void upcast(ObjectNode event);

    @Override
    protected final boolean canUpcast(IntermediateEventRepresentation representation) {
        SerializedType stored = representation.getType();
        return type.equals(stored.getName()) && Objects.equals(stored.getRevision(), from);
    }

    @Override
    protected final IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(to, JsonNode.class, payload -> {
            ObjectNode event = ((ObjectNode) payload).deepCopy();
            upcast(event);
            return event;
        });
    }
}

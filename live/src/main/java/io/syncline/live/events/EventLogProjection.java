package io.syncline.live.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Copies every event into the event log, so the event browser works the same over the embedded event store
 * and over Axon Server. The merchant comes from the payload's {@code merchantId} (every Syncline event has
 * one); an event without it belongs to no merchant's browser and is left out. A replay rebuilds the log.
 */
@Component
@ProcessingGroup(EventLogProjection.PROCESSING_GROUP)
public class EventLogProjection {

    static final String PROCESSING_GROUP = "event-log";

    private final EventLogRepository rows;
    private final ObjectMapper json;

    public EventLogProjection(EventLogRepository rows, ObjectMapper json) {
        this.rows = rows;
        this.json = json;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event) {
        JsonNode data = json.valueToTree(payload);
        JsonNode merchant = data == null ? null : data.get("merchantId");
        if (merchant == null || !merchant.isTextual() || merchant.asText().isBlank()) {
            return;
        }
        String aggregateId = null;
        String aggregateType = null;
        Long sequence = null;
        if (event instanceof DomainEventMessage<?> domain) {
            aggregateId = domain.getAggregateIdentifier();
            aggregateType = domain.getType();
            sequence = domain.getSequenceNumber();
        }
        rows.save(new EventLogRow(
                merchant.asText(),
                aggregateId,
                aggregateType,
                sequence,
                EventTypes.simpleName(event.getPayloadType().getName()),
                event.getTimestamp(),
                write(data),
                write(event.getMetaData())));
    }

    @ResetHandler
    void reset() {
        rows.deleteAllInBatch();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode an event for the event log", e);
        }
    }
}

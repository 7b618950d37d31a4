package io.syncline.api.upcasting;

import java.util.List;
import org.axonframework.serialization.upcasting.event.EventUpcaster;

/**
 * Every upcaster of Syncline's stored events, for the deployables to register. Stored events are payloads
 * as Axon's {@code JacksonSerializer} writes them, so each upcaster works on Jackson's {@code JsonNode}.
 */
public final class EventUpcasters {

    private EventUpcasters() {}

    /** Every upcaster, in the order they must run (oldest revision first). */
    public static List<EventUpcaster> all() {
        return List.of(
                new OrderPlacedUpcaster(),
                new OrderRejectedUpcaster(),
                new ChannelQuantityReportedUpcaster(),
                new ChannelQuantityReportedBeliefUpcaster(),
                new ConflictReportedAgainUpcaster(),
                new StockAdjustedUpcaster());
    }
}

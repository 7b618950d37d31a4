package io.syncline.api.upcasting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncline.api.channels.ChannelEvents.ChannelQuantityReported;

/**
 * {@code ChannelQuantityReported} revision 2 to 3: what we believed the channel showed before the report was not
 * recorded then, so {@code believed}, {@code believedFrom} and {@code believedAt} stay null.
 */
final class ChannelQuantityReportedBeliefUpcaster extends JsonUpcaster {

    ChannelQuantityReportedBeliefUpcaster() {
        super(ChannelQuantityReported.class, "2", "3");
    }

    @Override
    void upcast(ObjectNode event) {
        // written even when null, as the serializer writes revision 3
        event.putNull("believed");
        event.putNull("believedFrom");
        event.putNull("believedAt");
    }
}

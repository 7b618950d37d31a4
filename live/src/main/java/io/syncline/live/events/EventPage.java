package io.syncline.live.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/** A page of the event browser; {@code next} is the cursor for {@code after}, null on the last page. */
public record EventPage(List<Item> items, String next) {

    /** One event: where it sits in the log and in its aggregate, and its payload and metadata as JSON. */
    public record Item(
            long position,
            String aggregateId,
            String aggregateType,
            Long sequence,
            String type,
            Instant timestamp,
            JsonNode payload,
            JsonNode metadata) {}
}

package io.syncline.live.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.springframework.stereotype.Service;

/** Reads a page of the event log; one more row than asked tells whether another page follows. */
@Service
public class EventBrowser {

    private final EventLogSearch search;
    private final ObjectMapper json;

    public EventBrowser(EventLogSearch search, ObjectMapper json) {
        this.search = search;
        this.json = json;
    }

    public EventPage page(EventFilter filter) {
        List<EventLogRow> rows = search.find(new EventFilter(
                filter.merchantId(),
                filter.aggregateId(),
                filter.type(),
                filter.from(),
                filter.to(),
                filter.after(),
                filter.limit() + 1));
        boolean more = rows.size() > filter.limit();
        List<EventLogRow> page = more ? rows.subList(0, filter.limit()) : rows;
        List<EventPage.Item> items = page.stream().map(this::item).toList();
        String next = more ? EventCursor.encode(page.get(page.size() - 1).position()) : null;
        return new EventPage(items, next);
    }

    private EventPage.Item item(EventLogRow row) {
        return new EventPage.Item(
                row.position(),
                row.aggregateId(),
                row.aggregateType(),
                row.sequenceNumber(),
                row.eventType(),
                row.timestamp(),
                read(row.payload()),
                read(row.metadata()));
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored event is not JSON", e);
        }
    }
}

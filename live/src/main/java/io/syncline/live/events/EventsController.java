package io.syncline.live.events;

import io.syncline.gateway.security.Caller;
import io.syncline.gateway.web.ApiException;
import io.syncline.gateway.web.ProblemType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The event browser: the caller's merchant's events, oldest first, paged with an opaque cursor (ADMIN). */
@RestController
public class EventsController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private final EventBrowser browser;

    public EventsController(EventBrowser browser) {
        this.browser = browser;
    }

    @GetMapping(path = "/api/events", produces = MediaType.APPLICATION_JSON_VALUE)
    public EventPage events(
            Caller caller,
            @RequestParam(name = "aggregateId", required = false) String aggregateId,
            @RequestParam(name = "type", required = false) String type,
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            @RequestParam(name = "after", required = false) String after,
            @RequestParam(name = "limit", required = false) String limit) {
        if (caller.merchantId() == null) {
            throw new ApiException(ProblemType.FORBIDDEN, "The token names no merchant");
        }
        Instant fromInstant = instant("from", from);
        Instant toInstant = instant("to", to);
        if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
            throw ApiException.invalid("to", "must be after from");
        }
        return browser.page(new EventFilter(
                caller.merchantId(),
                blankToNull(aggregateId),
                type(type),
                fromInstant,
                toInstant,
                cursor(after),
                limit(limit)));
    }

    private static String type(String value) {
        String type = blankToNull(value);
        return type == null ? null : EventTypes.simpleName(type.trim());
    }

    private static Instant instant(String field, String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "must be an ISO-8601 instant, e.g. 2030-01-31T12:00:00Z");
        }
    }

    private static Long cursor(String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        return EventCursor.decode(value.trim())
                .orElseThrow(() -> ApiException.invalid("after", "must be the next cursor of a previous page"));
    }

    private static int limit(String value) {
        if (blankToNull(value) == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below like an out-of-range number
        }
        throw ApiException.invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

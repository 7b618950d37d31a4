package io.syncline.live.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syncline.gateway.security.Caller;
import io.syncline.gateway.security.Role;
import io.syncline.gateway.web.ApiException;
import io.syncline.gateway.web.Problems;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The browser's parameters: defaults, what they become, and a 400 naming each bad one. */
class EventsControllerTest {

    private static final Caller ADMIN = new Caller("root", "m1", Set.of(Role.ADMIN));

    private final AtomicReference<EventFilter> asked = new AtomicReference<>();
    private final EventsController controller = new EventsController(new EventBrowser(null, null) {
        @Override
        public EventPage page(EventFilter filter) {
            asked.set(filter);
            return new EventPage(List.of(), null);
        }
    });

    @Test
    void searchesTheCallersMerchantWithTheDefaultLimit() {
        controller.events(ADMIN, null, null, null, null, null, null);

        assertThat(asked.get()).isEqualTo(new EventFilter("m1", null, null, null, null, null, 50));
    }

    @Test
    void acceptsTheSimpleOrTheFullTypeNameAndReadsEveryParameter() {
        String cursor = EventCursor.encode(41);
        controller.events(
                ADMIN,
                "o-1",
                "io.syncline.api.orders.OrderEvents$OrderPlaced",
                "2030-01-01T00:00:00Z",
                "2030-01-02T00:00:00Z",
                cursor,
                "200");

        assertThat(asked.get())
                .isEqualTo(new EventFilter(
                        "m1",
                        "o-1",
                        "OrderPlaced",
                        Instant.parse("2030-01-01T00:00:00Z"),
                        Instant.parse("2030-01-02T00:00:00Z"),
                        41L,
                        200));
        controller.events(ADMIN, null, "OrderPlaced", null, null, null, "1");
        assertThat(asked.get().type()).isEqualTo("OrderPlaced");
    }

    @Test
    void refusesBadParametersNamingThem() {
        assertInvalid("limit", () -> controller.events(ADMIN, null, null, null, null, null, "0"));
        assertInvalid("limit", () -> controller.events(ADMIN, null, null, null, null, null, "201"));
        assertInvalid("limit", () -> controller.events(ADMIN, null, null, null, null, null, "ten"));
        assertInvalid("from", () -> controller.events(ADMIN, null, null, "yesterday", null, null, null));
        assertInvalid("to", () -> controller.events(ADMIN, null, null, null, "2030-01-01", null, null));
        assertInvalid(
                "to",
                () -> controller.events(ADMIN, null, null, "2030-01-02T00:00:00Z", "2030-01-01T00:00:00Z", null, null));
        assertInvalid("after", () -> controller.events(ADMIN, null, null, null, null, "not-a-cursor", null));
        assertInvalid("after", () -> controller.events(ADMIN, null, null, null, null, "MTIz", null));
    }

    @Test
    void cursorsRoundTrip() {
        assertThat(EventCursor.decode(EventCursor.encode(0))).hasValue(0L);
        assertThat(EventCursor.decode(EventCursor.encode(Long.MAX_VALUE))).hasValue(Long.MAX_VALUE);
    }

    private static void assertInvalid(String field, Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.problem().getStatus()).isEqualTo(400);
            assertThat(String.valueOf(e.problem().getProperties().get(Problems.ERRORS)))
                    .contains(field);
        });
    }
}

package io.syncline.api.contract;

import static io.syncline.api.contract.EventJson.SERIALIZER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncline.api.inventory.StockEvents;
import io.syncline.api.inventory.StockEvents.StockDefined;
import io.syncline.api.orders.OrderEvents;
import io.syncline.api.orders.OrderEvents.OrderPlaced;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Events are a contract with every installation that stored them: each revision of an event keeps the stored
 * form of its fixture, and every older form is upcast to the current event.
 */
class EventContractTest {

    /** Set to write the fixtures that are missing (never one that exists) into src/test/resources. */
    static final String WRITE_MISSING = "writeMissingFixtures";

    private static final String UPCASTERS = "io.syncline.api.upcasting.EventUpcasters.all()";

    @Test
    void findsTheEventsOfEveryEventsClass() {
        assertThat(EventCatalog.eventHolders()).contains(OrderEvents.class, StockEvents.class);
        assertThat(EventCatalog.events()).contains(OrderPlaced.class, StockDefined.class);
        assertThat(EventCatalog.eventHolders()).allSatisfy(holder -> assertThat(EventCatalog.events())
                .as("events of %s", holder.getName())
                .anyMatch(event -> event.getEnclosingClass() == holder));
    }

    @TestFactory
    Stream<DynamicTest> everyEventIsStoredAsTheFixtureOfItsRevision() {
        return EventCatalog.events().stream()
                .map(event -> dynamicTest(event.getSimpleName(), () -> isStoredAsItsFixture(event)));
    }

    @TestFactory
    Stream<DynamicTest> everyOlderFixtureIsUpcastToTheCurrentEvent() {
        return EventCatalog.events().stream().flatMap(event -> EventFixture.all().stream()
                .filter(fixture -> fixture.isOf(event))
                .filter(fixture -> !fixture.equals(EventFixture.of(event, revisionOf(event))))
                .map(fixture -> dynamicTest(fixture.path(), () -> isUpcast(fixture, event))));
    }

    @Test
    void everyFixtureIsOfAnEvent() {
        List<Class<?>> events = EventCatalog.events();
        assertThat(EventFixture.all())
                .allSatisfy(fixture -> assertThat(events.stream().anyMatch(fixture::isOf))
                        .as(
                                "%s names no event of shared-api. Events stored under that name must still be read:"
                                        + " keep the event (or upcast its stored type to its new name) and its fixture",
                                fixture)
                        .isTrue());
    }

    private static void isStoredAsItsFixture(Class<?> event) {
        String revision = revisionOf(event);
        EventFixture fixture = EventFixture.of(event, revision);
        Object sample = EventSamples.current(event)
                .orElseGet(() -> fail(
                        "No sample of %s: add one with fixed values to %s, then its fixture %s",
                        event.getName(), EventSamples.class.getName(), fixture.path()));
        JsonNode now = EventJson.tree(EventJson.serialize(sample));

        Optional<byte[]> stored = fixture.read();
        if (stored.isEmpty()) {
            boolean written = writeIfAsked(fixture, now);
            fail(
                    "No fixture of %s (%s). %s src/test/resources/%s with the form the event is stored in:%n%s"
                            + "If an earlier form of this event is stored anywhere, keep its fixture and add an"
                            + " upcaster from it to %s.",
                    event.getSimpleName(),
                    describe(revision),
                    written ? "Wrote" : "Add (or run with -D" + WRITE_MISSING + "=true to write it)",
                    fixture.path(),
                    EventJson.pretty(now),
                    UPCASTERS);
        }
        JsonNode fixed = EventJson.tree(stored.get());
        if (!fixed.equals(now)) {
            String next = nextRevision(revision);
            fail(
                    """
                    %s (%s) is no longer stored in the form of its fixture %s.
                    Events stored in that form must still be read, so leave that fixture as it is and
                      1. give the event a new revision: @Revision("%s") (org.axonframework.serialization.Revision),
                      2. add the fixture of the new form, %s (-D%s=true writes it),
                      3. add an upcaster from %s to revision %s to %s,
                         and what the old fixture reads as now to %s.
                    (Only an event that no installation has stored yet may have its fixture rewritten instead.)
                    Fixture:
                    %s
                    Now:
                    %s""",
                    event.getName(),
                    describe(revision),
                    fixture.path(),
                    next,
                    EventFixture.of(event, next).path(),
                    WRITE_MISSING,
                    describe(revision),
                    next,
                    UPCASTERS,
                    EventSamples.class.getSimpleName(),
                    EventJson.pretty(fixed).stripTrailing(),
                    EventJson.pretty(now).stripTrailing());
        }
        assertThat(EventJson.deserialize(stored.get(), fixture.serializedType(event)))
                .as("%s read back", fixture.path())
                .isEqualTo(sample);
    }

    private static void isUpcast(EventFixture older, Class<?> event) {
        String current = revisionOf(event);
        byte[] payload = older.read().orElseThrow();
        List<IntermediateEventRepresentation> upcast = EventJson.upcast(older.serializedType(event), payload);
        assertThat(upcast).as("%s upcast", older).hasSize(1);
        SerializedType type = upcast.get(0).getType();
        assertThat(type.getRevision())
                .as(
                        "%s (%s) is upcast to %s, but %s is at %s: add an upcaster from %s to %s to %s",
                        older,
                        describe(older.revision()),
                        describe(type.getRevision()),
                        event.getSimpleName(),
                        describe(current),
                        describe(type.getRevision()),
                        describe(current),
                        UPCASTERS)
                .isEqualTo(current);
        assertThat(type.getName()).as("%s upcast", older).isEqualTo(event.getName());

        Object expected = EventSamples.upcastFrom(older)
                .orElseGet(() -> fail(
                        "Add to %s what %s reads as now: the %s it is upcast to",
                        EventSamples.class.getName(), older.path(), event.getSimpleName()));
        assertThat(EventJson.deserialize(upcast.get(0)))
                .as("%s read as %s", older, describe(current))
                .isEqualTo(expected);
    }

    private static String revisionOf(Class<?> event) {
        return SERIALIZER.typeForClass(event).getRevision();
    }

    private static String describe(String revision) {
        return revision == null ? "no revision" : "revision " + revision;
    }

    /** Revisions count up from 2, no revision being the first. */
    private static String nextRevision(String revision) {
        if (revision == null) {
            return "2";
        }
        try {
            return String.valueOf(Integer.parseInt(revision) + 1);
        } catch (NumberFormatException e) {
            return "<next revision>";
        }
    }

    private static boolean writeIfAsked(EventFixture fixture, JsonNode json) {
        if (!Boolean.getBoolean(WRITE_MISSING)) {
            return false;
        }
        try {
            Files.createDirectories(fixture.sourceFile().getParent());
            Files.writeString(fixture.sourceFile(), EventJson.pretty(json), StandardCharsets.UTF_8);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

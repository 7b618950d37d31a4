package io.syncline.api.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncline.api.contract.EventJson;
import io.syncline.api.orders.OrderEvents.OrderConfirmed;
import io.syncline.api.orders.OrderEvents.OrderRejected;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * OrderRejected stored without a revision, through the project's upcasters: each case is a pair of
 * fixtures under {@code upcasting/OrderRejected/}, {@code <case>.before.json} as stored and
 * {@code <case>.after.json} as revision 2.
 */
class OrderRejectedUpcasterTest {

    private static final String CASES = "upcasting/OrderRejected";
    private static final SimpleSerializedType UNREVISED = new SimpleSerializedType(OrderRejected.class.getName(), null);

    static List<String> cases() throws IOException, URISyntaxException {
        Path directory = Path.of(Objects.requireNonNull(
                        OrderRejectedUpcasterTest.class.getClassLoader().getResource(CASES))
                .toURI());
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".before.json"))
                    .map(name -> name.substring(0, name.length() - ".before.json".length()))
                    .sorted()
                    .toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void addsTheCodeAndSkuOfTheReason(String name) {
        IntermediateEventRepresentation upcast = upcastOne(read(name + ".before.json"));

        assertThat(upcast.getType()).isEqualTo(new SimpleSerializedType(OrderRejected.class.getName(), "2"));
        assertThat(upcast.getData(JsonNode.class).getData()).isEqualTo(EventJson.tree(read(name + ".after.json")));
    }

    /** Stored events and new ones agree: the aggregate reads its command's reason as the upcaster does. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readsAsTheEventTheAggregateWouldApplyToday(String name) {
        OrderRejected upcast = (OrderRejected) EventJson.deserialize(upcastOne(read(name + ".before.json")));

        assertThat(upcast).isEqualTo(OrderRejected.of(upcast.orderId(), upcast.merchantId(), upcast.reason()));
        assertThat(EventJson.tree(EventJson.serialize(upcast))).isEqualTo(EventJson.tree(read(name + ".after.json")));
    }

    @Test
    void leavesRevisionTwoAsItIs() {
        byte[] stored = read("out-of-stock.after.json");
        SimpleSerializedType revisionTwo = new SimpleSerializedType(OrderRejected.class.getName(), "2");

        List<IntermediateEventRepresentation> upcast = EventJson.upcast(revisionTwo, stored);

        assertThat(upcast).singleElement().satisfies(event -> {
            assertThat(event.getType()).isEqualTo(revisionTwo);
            assertThat(event.getData(JsonNode.class).getData()).isEqualTo(EventJson.tree(stored));
        });
    }

    @Test
    void leavesOtherEventsAsTheyAre() {
        byte[] stored = EventJson.serialize(new OrderConfirmed("order-1", "merchant-1"));
        SimpleSerializedType confirmed = new SimpleSerializedType(OrderConfirmed.class.getName(), null);

        assertThat(EventJson.upcast(confirmed, stored)).singleElement().satisfies(event -> {
            assertThat(event.getType()).isEqualTo(confirmed);
            assertThat(event.getData(JsonNode.class).getData()).isEqualTo(EventJson.tree(stored));
        });
    }

    private static IntermediateEventRepresentation upcastOne(byte[] stored) {
        List<IntermediateEventRepresentation> upcast = EventJson.upcast(UNREVISED, stored);
        assertThat(upcast).hasSize(1);
        return upcast.get(0);
    }

    private static byte[] read(String file) {
        try (InputStream in =
                OrderRejectedUpcasterTest.class.getClassLoader().getResourceAsStream(CASES + "/" + file)) {
            return Objects.requireNonNull(in, file).readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.syncline.api.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncline.api.channels.ChannelEvents.ChannelQuantityReported;
import io.syncline.api.contract.EventJson;
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
 * ChannelQuantityReported stored without a revision, through the project's upcasters: each case is a pair of
 * fixtures under {@code upcasting/ChannelQuantityReported/}, {@code <case>.before.json} as stored and
 * {@code <case>.after.json} as the current revision, 3 (revision 2 in between).
 */
class ChannelQuantityReportedUpcasterTest {

    private static final String CASES = "upcasting/ChannelQuantityReported";
    private static final String TYPE = ChannelQuantityReported.class.getName();

    static List<String> cases() throws IOException, URISyntaxException {
        Path directory = Path.of(Objects.requireNonNull(ChannelQuantityReportedUpcasterTest.class
                        .getClassLoader()
                        .getResource(CASES))
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
    void addsTheSourceAndLeavesWhatWasNotRecordedNull(String name) {
        IntermediateEventRepresentation upcast = upcastOne(read(name + ".before.json"));

        assertThat(upcast.getType()).isEqualTo(new SimpleSerializedType(TYPE, "3"));
        assertThat(upcast.getData(JsonNode.class).getData()).isEqualTo(EventJson.tree(read(name + ".after.json")));
    }

    /** The upcast event reads as the current revision and writes back as its fixture. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readsAsTheCurrentRevision(String name) {
        ChannelQuantityReported upcast =
                (ChannelQuantityReported) EventJson.deserialize(upcastOne(read(name + ".before.json")));

        assertThat(upcast.source()).isEqualTo(upcast.deliveryId() != null ? "webhook" : "read");
        assertThat(upcast.wanted()).isNull();
        assertThat(upcast.believed()).isNull();
        assertThat(EventJson.tree(EventJson.serialize(upcast))).isEqualTo(EventJson.tree(read(name + ".after.json")));
    }

    @Test
    void leavesTheCurrentRevisionAsItIs() {
        byte[] stored = read("webhook-report.after.json");
        SimpleSerializedType current = new SimpleSerializedType(TYPE, "3");

        assertThat(EventJson.upcast(current, stored)).singleElement().satisfies(event -> {
            assertThat(event.getType()).isEqualTo(current);
            assertThat(event.getData(JsonNode.class).getData()).isEqualTo(EventJson.tree(stored));
        });
    }

    private static IntermediateEventRepresentation upcastOne(byte[] stored) {
        List<IntermediateEventRepresentation> upcast = EventJson.upcast(new SimpleSerializedType(TYPE, null), stored);
        assertThat(upcast).hasSize(1);
        return upcast.get(0);
    }

    private static byte[] read(String file) {
        try (InputStream in =
                ChannelQuantityReportedUpcasterTest.class.getClassLoader().getResourceAsStream(CASES + "/" + file)) {
            return Objects.requireNonNull(in, file).readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

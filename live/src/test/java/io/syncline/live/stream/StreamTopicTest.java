package io.syncline.live.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class StreamTopicTest {

    @Test
    void noTopicsMeansEveryTopic() {
        assertThat(StreamTopic.parse(null)).isEqualTo(EnumSet.allOf(StreamTopic.class));
        assertThat(StreamTopic.parse(" ")).isEqualTo(EnumSet.allOf(StreamTopic.class));
    }

    @Test
    void parsesCommaSeparatedNames() {
        assertThat(StreamTopic.parse("orders")).containsExactly(StreamTopic.ORDERS);
        assertThat(StreamTopic.parse(" inventory , ORDERS,"))
                .containsExactlyInAnyOrder(StreamTopic.ORDERS, StreamTopic.INVENTORY);
    }

    @Test
    void acceptsEveryTopicOfTheContract() {
        assertThat(StreamTopic.parse("orders,inventory,channels,conflicts,health"))
                .isEqualTo(EnumSet.allOf(StreamTopic.class));
    }

    @Test
    void refusesUnknownTopics() {
        assertThatThrownBy(() -> StreamTopic.parse("orders,returns"))
                .isInstanceOf(StreamTopic.UnknownTopicException.class)
                .hasMessageContaining("'returns'")
                .hasMessageContaining("orders, inventory, conflicts, channels, health");
    }
}

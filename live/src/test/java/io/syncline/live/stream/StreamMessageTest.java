package io.syncline.live.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StreamMessageTest {

    @Test
    void sseFrameHasIdEventAndOneDataLine() {
        StreamMessage message = new StreamMessage(
                42, "m1", StreamTopic.ORDERS, "order.placed", "{\"merchantId\":\"m1\"}", Instant.EPOCH);

        assertThat(message.sseFrame()).isEqualTo("id: 42\nevent: order.placed\ndata: {\"merchantId\":\"m1\"}\n\n");
        assertThat(message.sseFrame()).isSameAs(message.sseFrame());
    }

    @Test
    void lineBreaksInDataCannotEndTheEventEarly() {
        StreamMessage message =
                new StreamMessage(1, "m1", StreamTopic.ORDERS, "order.placed", "{\n\"a\":1\r\n}", Instant.EPOCH);

        assertThat(message.sseFrame()).isEqualTo("id: 1\nevent: order.placed\ndata: {\ndata: \"a\":1\ndata: }\n\n");
    }

    @Test
    void jsonFrameHasIdTypeAndData() {
        StreamMessage message =
                new StreamMessage(-3, "m1", StreamTopic.HEALTH, "health.changed", "{\"merchantId\":\"m1\"}", null);

        assertThat(message.jsonFrame())
                .isEqualTo("{\"id\":-3,\"type\":\"health.changed\",\"data\":{\"merchantId\":\"m1\"}}");
        assertThat(message.sseFrame()).isEqualTo("event: health.changed\ndata: {\"merchantId\":\"m1\"}\n\n");
    }
}

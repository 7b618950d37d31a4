package io.syncline.live.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HealthMessageIdsTest {

    private final AtomicLong sequence = new AtomicLong();
    private final AtomicBoolean databaseDown = new AtomicBoolean();
    private final HealthMessageIds ids = new HealthMessageIds(() -> {
        if (databaseDown.get()) {
            throw new IllegalStateException("connection refused");
        }
        return sequence.incrementAndGet();
    });

    @Test
    void handsOutTheReservedSequenceValueNegatedOnce() {
        ids.reserve();
        ids.reserve();

        assertThat(ids.next()).isEqualTo(-1);
        ids.reserve();
        assertThat(ids.next()).isEqualTo(-2);
    }

    @Test
    void withoutAReservedValueTheClockGivesAnIdBeyondAnySequenceValue() {
        databaseDown.set(true);
        ids.reserve();

        assertThat(ids.next()).isLessThan(-(1L << 52));
        databaseDown.set(false);
        ids.reserve();
        assertThat(ids.next()).isEqualTo(-1);
    }
}

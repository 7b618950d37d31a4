package io.syncline.conflicts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ConflictsPropertiesTest {

    @Test
    void defaultsToFifteenMinutesFiveSecondsAndThirtySeconds() {
        assertThat(bind(Map.of()))
                .isEqualTo(
                        new ConflictsProperties(Duration.ofMinutes(15), Duration.ofSeconds(5), Duration.ofSeconds(30)));
        assertThat(ConflictsProperties.DEFAULTS).isEqualTo(bind(Map.of()));
    }

    @Test
    void bindsTheSettings() {
        assertThat(bind(Map.of(
                        "syncline.conflicts.escalate-after",
                        "1h",
                        "syncline.conflicts.settle-after",
                        "250ms",
                        "syncline.conflicts.settle-at-most",
                        "2s")))
                .isEqualTo(new ConflictsProperties(Duration.ofHours(1), Duration.ofMillis(250), Duration.ofSeconds(2)));
    }

    @Test
    void refusesDurationsThatAreNotPositive() {
        assertThatThrownBy(() -> bind(Map.of("syncline.conflicts.escalate-after", "0s")))
                .isInstanceOf(BindException.class)
                .hasRootCauseMessage("syncline.conflicts.escalate-after must be positive");
        assertThatThrownBy(() -> bind(Map.of("syncline.conflicts.settle-after", "-1s")))
                .isInstanceOf(BindException.class)
                .hasRootCauseMessage("syncline.conflicts.settle-after must be positive");
    }

    @Test
    void waitsInAllAtLeastTheSettleTimeUnlessSetOtherwise() {
        assertThat(bind(Map.of("syncline.conflicts.settle-after", "1m")).settleAtMost())
                .isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void refusesAWaitInAllShorterThanTheSettleTime() {
        assertThatThrownBy(() -> bind(
                        Map.of("syncline.conflicts.settle-after", "10s", "syncline.conflicts.settle-at-most", "5s")))
                .isInstanceOf(BindException.class)
                .hasRootCauseMessage(
                        "syncline.conflicts.settle-at-most must be at least syncline.conflicts.settle-after");
    }

    private static ConflictsProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("syncline.conflicts", Bindable.of(ConflictsProperties.class));
    }
}

package io.syncline.gateway.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PreferTest {

    private static final Duration MAX = Duration.ofSeconds(30);

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "wait=10|10",
                "WAIT=10|10",
                "wait = 7|7",
                "respond-async, wait=5|5",
                "wait=\"12\"|12",
                "wait=3; foo=bar|3",
                "handling=lenient, wait=0|0",
                "wait=31|30",
                "wait=99999999999999999999|30",
                "foo=\"a,wait=9\", wait=4|4"
            })
    void readsTheWaitPreference(String header, long seconds) {
        assertThat(Prefer.waitOf(List.of(header), MAX)).contains(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"respond-async", "wait", "wait=", "wait=-1", "wait=1.5", "wait=soon", "waiting=5", "return=minimal"
            })
    void ignoresWhatIsNoUsableWait(String header) {
        assertThat(Prefer.waitOf(List.of(header), MAX)).isEmpty();
    }

    @Test
    void takesTheFirstWaitAcrossHeaders() {
        assertThat(Prefer.waitOf(List.of("respond-async", "wait=2", "wait=9"), MAX))
                .contains(Duration.ofSeconds(2));
        assertThat(Prefer.waitOf(List.of("wait=x", "wait=9"), MAX)).isEmpty();
    }

    @Test
    void needsAHeader() {
        assertThat(Prefer.waitOf(null, MAX)).isEqualTo(Optional.empty());
        assertThat(Prefer.waitOf(List.of(), MAX)).isEmpty();
    }
}

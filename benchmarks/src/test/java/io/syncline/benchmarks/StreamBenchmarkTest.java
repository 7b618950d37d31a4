package io.syncline.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The SSE benchmark's flags and its line reader's counting. */
class StreamBenchmarkTest {

    @Test
    void defaultsToOneThenFiveThousandClientsAtTenEventsPerSecond() {
        StreamOptions options = StreamOptions.parse(new String[0], Map.of());

        assertThat(options.clients()).containsExactly(1000, 5000);
        assertThat(options.eventsPerSecond()).isEqualTo(10.0);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.app().appJvmOptions()).containsExactly("-Xmx2g");
    }

    @Test
    void readsFlagsAndRefusesDecreasingClientCounts() {
        StreamOptions options = StreamOptions.parse(
                new String[] {"--clients=10,20", "--rate=5", "--duration=5s", "--keep"},
                Map.of("SYNCLINE_BENCH_PG", "jdbc:postgresql://db:5432/"));

        assertThat(options.clients()).containsExactly(10, 20);
        assertThat(options.eventsPerSecond()).isEqualTo(5.0);
        assertThat(options.app().pg()).isEqualTo("jdbc:postgresql://db:5432/");
        assertThat(options.app().keep()).isTrue();
        assertThatThrownBy(() -> StreamOptions.parse(new String[] {"--clients=20,10"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StreamOptions.parse(new String[] {"--nope"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countsStockChangesOfTheWindowWithTheirLatency() {
        SseClient.Stats stats = new SseClient.Stats();
        long now = SseClient.nowMicros();
        stats.window(now - TimeUnit.SECONDS.toMicros(10), now + TimeUnit.SECONDS.toMicros(10));
        SseClient client = new SseClient(stats);
        client.opened();

        Instant recent = Instant.now().minusMillis(40);
        lines(client, "retry: 3000", "", ": heartbeat", "");
        lines(client, "id: 1", "event: stock.changed", "data: {\"sku\":\"A\",\"at\":\"" + recent + "\"}", "");
        lines(client, "id: 2", "event: order.placed", "data: {\"at\":\"" + recent + "\"}", "");
        lines(client, "id: 3", "event: stock.changed", "data: {\"at\":\"" + recent.minusSeconds(60) + "\"}", "");

        assertThat(stats.delivered.sum()).isEqualTo(1);
        assertThat(stats.latencyMicros.getMaxValue())
                .isBetween(TimeUnit.MILLISECONDS.toMicros(39), TimeUnit.SECONDS.toMicros(5));
        assertThat(stats.open.get()).isEqualTo(1);
        client.closed();
        assertThat(stats.open.get()).isZero();
        assertThat(stats.closed.get()).isEqualTo(1);
    }

    private static void lines(SseClient client, String... lines) {
        List.of(lines).forEach(client::line);
    }
}

package io.syncline.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchmarkOptionsTest {

    @Test
    void defaultsMatchTheDocumentedRun() {
        BenchmarkOptions o = BenchmarkOptions.parse(new String[0], Map.of());

        assertThat(o.warmup()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.concurrency()).isEqualTo(64);
        assertThat(o.skus()).isEqualTo(50);
        assertThat(o.stockRatio()).isEqualTo(0.9);
        assertThat(o.stockPerSku()).isEmpty();
        assertThat(o.app().pg()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/");
        assertThat(o.app().pgUser()).isEqualTo("postgres");
        assertThat(o.app().jar()).isEqualTo(Path.of("deploy/standalone/target/syncline.jar"));
        assertThat(o.runSyncline()).isTrue();
        assertThat(o.runSql()).isTrue();
        assertThat(o.app().keep()).isFalse();
    }

    @Test
    void environmentNamesTheServerAndFlagsWinOverIt() {
        Map<String, String> env = Map.of(
                "SYNCLINE_BENCH_PG",
                "jdbc:postgresql://db:5433/",
                "SYNCLINE_BENCH_PG_USER",
                "bench",
                "SYNCLINE_BENCH_PG_PASSWORD",
                "pw");

        BenchmarkOptions fromEnv = BenchmarkOptions.parse(new String[0], env);
        BenchmarkOptions flagged =
                BenchmarkOptions.parse(new String[] {"--pg-user", "other", "--pg=jdbc:postgresql://x/"}, env);

        assertThat(fromEnv.app().pg()).isEqualTo("jdbc:postgresql://db:5433/");
        assertThat(fromEnv.app().pgUser()).isEqualTo("bench");
        assertThat(fromEnv.app().pgPassword()).isEqualTo("pw");
        assertThat(flagged.app().pgUser()).isEqualTo("other");
        assertThat(flagged.app().pg()).isEqualTo("jdbc:postgresql://x/");
    }

    @Test
    void readsDurationsCountsAndSwitches() {
        BenchmarkOptions o = BenchmarkOptions.parse(
                new String[] {
                    "--warmup=5s",
                    "--duration",
                    "2m",
                    "--wait=500ms",
                    "--concurrency=8",
                    "--skus=10",
                    "--stock-per-sku=40",
                    "--only=sql",
                    "--keep",
                    "--app-jvm-opts=-Xmx1g -XX:+UseParallelGC"
                },
                Map.of());

        assertThat(o.warmup()).isEqualTo(Duration.ofSeconds(5));
        assertThat(o.duration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(o.orderWait()).isEqualTo(Duration.ofMillis(500));
        assertThat(o.concurrency()).isEqualTo(8);
        assertThat(o.stockPerSku()).hasValue(40);
        assertThat(o.runSyncline()).isFalse();
        assertThat(o.runSql()).isTrue();
        assertThat(o.app().keep()).isTrue();
        assertThat(o.app().appJvmOptions()).isEqualTo(List.of("-Xmx1g", "-XX:+UseParallelGC"));
    }

    @Test
    void refusesUnknownFlagsAndImpossibleValues() {
        assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--concurrence=3"}, Map.of()))
                .hasMessageContaining("unknown flag --concurrence");
        assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--bogus"}, Map.of()))
                .hasMessageContaining("unknown flag --bogus");
        assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--duration=0"}, Map.of()))
                .hasMessageContaining("--duration");
        assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--skus=2"}, Map.of()))
                .hasMessageContaining("--skus");
        assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--only=both-ways"}, Map.of()))
                .hasMessageContaining("--only");
    }

    @Test
    void idleAndOpenLoopFlags() {
        BenchmarkOptions defaults = BenchmarkOptions.parse(new String[0], Map.of());
        BenchmarkOptions open = BenchmarkOptions.parse(
                new String[] {"--rate=100", "--max-in-flight", "32", "--idle=0", "--idle-after=false"}, Map.of());

        assertThat(defaults.openLoop()).isFalse();
        assertThat(defaults.idle()).isEqualTo(Duration.ofSeconds(20));
        assertThat(defaults.idleAfter()).isTrue();
        assertThat(defaults.sizingRate()).isEqualTo(300);
        assertThat(open.openLoop()).isTrue();
        assertThat(open.rate()).isEqualTo(100);
        assertThat(open.maxInFlight()).isEqualTo(32);
        assertThat(open.idle()).isZero();
        assertThat(open.idleAfter()).isFalse();
        // an open-loop window is stocked for the orders it will send, not for the warm-up's rate
        assertThat(open.sizingRate()).isEqualTo(100);
        assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--rate=-1"}, Map.of()))
                .hasMessageContaining("--rate");
    }

    @Test
    void storeBenchmarkDefaultsMatchTheIssuesScale() {
        StoreOptions o = StoreOptions.parse(new String[0], Map.of());

        assertThat(o.aggregateEvents()).isEqualTo(100_000);
        assertThat(o.fillEvents()).isEqualTo(5_000_000);
        assertThat(o.replayEvents()).isEqualTo(20_000);
        assertThatThrownBy(() -> StoreOptions.parse(new String[] {"--fill-per-aggregate=1"}, Map.of()))
                .hasMessageContaining("--fill-per-aggregate");
    }
}

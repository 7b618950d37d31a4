package io.syncline.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FlagsTest {

    private static final List<String> KNOWN = List.of("rate", "keep", "pg");

    @Test
    void readsBothFormsSwitchesAndTheEnvironment() {
        Flags flags = Flags.parse(
                new String[] {"--rate", "100", "--keep"}, KNOWN, Set.of("keep"), Map.of("BENCH_PG", "jdbc:x"));

        assertThat(flags.decimal("rate", "0")).isEqualTo(100.0);
        assertThat(flags.has("keep")).isTrue();
        assertThat(flags.get("pg", "BENCH_PG", "none")).isEqualTo("jdbc:x");
        assertThat(Flags.parse(new String[] {"--pg=jdbc:y"}, KNOWN, Set.of(), Map.of("BENCH_PG", "jdbc:x"))
                        .get("pg", "BENCH_PG", "none"))
                .isEqualTo("jdbc:y");
    }

    @Test
    void refusesWhatItDoesNotKnow() {
        assertThatThrownBy(() -> Flags.parse(new String[] {"--bogus=1"}, KNOWN, Set.of(), Map.of()))
                .hasMessageContaining("unknown flag --bogus");
        assertThatThrownBy(() -> Flags.parse(new String[] {"--rate"}, KNOWN, Set.of(), Map.of()))
                .hasMessageContaining("--rate needs a value");
        assertThatThrownBy(() -> Flags.parse(new String[] {"rate"}, KNOWN, Set.of(), Map.of()))
                .hasMessageContaining("unexpected argument");
    }

    @Test
    void durations() {
        assertThat(Flags.duration("30")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Flags.duration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Flags.duration("2m")).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void everyBenchmarkTakesTheStandalonesFlags() {
        String[] args = {"--pg=jdbc:postgresql://db:5432/", "--keep", "--app-jvm-opts=-Xmx1g"};

        for (AppOptions app : List.of(
                BenchmarkOptions.parse(args, Map.of()).app(),
                StreamOptions.parse(args, Map.of()).app(),
                ChannelOptions.parse(args, Map.of()).app(),
                StoreOptions.parse(args, Map.of()).app())) {
            assertThat(app.pg()).isEqualTo("jdbc:postgresql://db:5432/");
            assertThat(app.keep()).isTrue();
            assertThat(app.appJvmOptions()).containsExactly("-Xmx1g");
        }
    }
}

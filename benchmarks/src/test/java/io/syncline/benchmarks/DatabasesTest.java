package io.syncline.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabasesTest {

    @Test
    void namesADatabaseOnTheServerWhateverTheServerUrlEndsWith() {
        assertThat(new Databases("jdbc:postgresql://127.0.0.1:5432/", "u", "").url("b"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/b");
        assertThat(new Databases("jdbc:postgresql://127.0.0.1:5432", "u", "").url("b"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/b");
        assertThat(new Databases("jdbc:postgresql://db:5433/postgres?sslmode=disable", "u", "").url("b"))
                .isEqualTo("jdbc:postgresql://db:5433/b?sslmode=disable");
    }

    @Test
    void refusesAnythingButPostgresql() {
        assertThatThrownBy(() -> new Databases("jdbc:h2:mem:x", "u", "")).isInstanceOf(IllegalArgumentException.class);
    }
}

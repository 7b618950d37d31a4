package io.syncline.gateway.stream.ws;

import io.syncline.gateway.stream.PostgresTestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same on a fresh PostgreSQL database; skipped when no server answers (see {@link PostgresTestDatabase}). */
class PendingAcksPostgresTest extends PendingAcksTest {

    private static String url;

    @BeforeAll
    static void createDatabase() {
        url = PostgresTestDatabase.createOrSkip("syncline_acks");
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry, () -> url);
    }
}

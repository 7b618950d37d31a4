package io.syncline.gateway.stream;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same on a fresh PostgreSQL database at {@code SYNCLINE_TEST_PG} (default 127.0.0.1:5432, user
 * postgres); skipped when no server answers there.
 */
class JpaStreamStorePostgresTest extends JpaStreamStoreTest {

    private static String url;

    @BeforeAll
    static void createDatabase() {
        url = PostgresTestDatabase.createOrSkip("syncline_stream");
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry, () -> url);
    }
}

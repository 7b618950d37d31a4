package io.syncline.live.stream;

import io.syncline.platform.test.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same on a fresh PostgreSQL database (see {@link TestDatabases}). */
class JpaStreamStorePostgresTest extends JpaStreamStoreTest {

    private static String url;

    @BeforeAll
    static void createDatabase() {
        url = TestDatabases.create("syncline_stream");
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, () -> url);
    }
}

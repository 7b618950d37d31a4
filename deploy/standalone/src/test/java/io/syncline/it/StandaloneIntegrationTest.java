package io.syncline.it;

import io.syncline.SynclineApplication;
import io.syncline.platform.test.ApiClient;
import io.syncline.platform.test.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole standalone application on a fresh PostgreSQL database, reached through real HTTP on a
 * random port. Users: {@code alice}/{@code bob} (OPERATOR of merchants m1/m2), {@code vera}
 * (VIEWER of m1), {@code root} (ADMIN of m1); every password is {@code secret}.
 */
@SpringBootTest(classes = SynclineApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "it"})
public abstract class StandaloneIntegrationTest {

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = TestDatabases.create("syncline_it");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> TestDatabases.USER);
        registry.add("spring.datasource.password", () -> TestDatabases.PASSWORD);
    }

    protected ApiClient alice;
    protected ApiClient bob;

    @BeforeEach
    void clients() {
        alice = client().login("alice", "secret");
        bob = client().login("bob", "secret");
    }

    protected ApiClient client() {
        return new ApiClient(port);
    }
}

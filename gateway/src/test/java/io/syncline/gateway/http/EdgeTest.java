package io.syncline.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncline.platform.test.ApiClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The REST edge over real HTTP. Users alice and bob (OPERATOR of m1 and m2), vera (VIEWER of m1),
 * root (ADMIN of m1), all with password {@code secret}.
 */
@SpringBootTest(
        classes = GatewayTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:edge-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            "spring.flyway.locations=classpath:db/migration/gateway",
            "syncline.users[0].username=alice",
            "syncline.users[0].password=secret",
            "syncline.users[0].merchant=m1",
            "syncline.users[0].roles=OPERATOR",
            "syncline.users[1].username=bob",
            "syncline.users[1].password=secret",
            "syncline.users[1].merchant=m2",
            "syncline.users[1].roles=OPERATOR",
            "syncline.users[2].username=vera",
            "syncline.users[2].password=secret",
            "syncline.users[2].merchant=m1",
            "syncline.users[2].roles=VIEWER",
            "syncline.users[3].username=root",
            "syncline.users[3].password=secret",
            "syncline.users[3].merchant=m1",
            "syncline.users[3].roles=ADMIN",
            "syncline.gateway.read-your-writes-timeout=PT3S",
            "syncline.gateway.max-body-size=4KB",
            "syncline.gateway.rate-limit.capacity=10000"
        })
abstract class EdgeTest {

    private static final Path DATA_DIR = tempDir();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("syncline.data-dir", DATA_DIR::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    FakeInventory inventory;

    @Autowired
    FakeOrders orders;

    ApiClient anonymous;
    ApiClient alice;
    ApiClient bob;
    ApiClient vera;

    // one login per user and server: tokens last an hour, and logins count against the rate limit
    private static final Map<String, ApiClient> LOGINS = new ConcurrentHashMap<>();

    @BeforeEach
    void login() {
        anonymous = new ApiClient(port);
        alice = login("alice");
        bob = login("bob");
        vera = login("vera");
    }

    ApiClient login(String username) {
        return LOGINS.computeIfAbsent(port + "/" + username, k -> anonymous.as(username, "secret"));
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static void assertProblem(ApiClient.Response r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.isProblem()).as("problem+json: " + r).isTrue();
        assertThat(r.json().path("status").asInt()).isEqualTo(status);
        assertThat(r.json().path("type").asText()).isNotBlank();
        assertThat(r.json().path("title").asText()).isNotBlank();
        assertThat(r.json().path("detail").asText()).isNotBlank();
    }

    static void assertValidation(ApiClient.Response r, String field) {
        assertProblem(r, 400);
        assertThat(r.errorFields()).as(r.body()).contains(field);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("syncline-edge");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

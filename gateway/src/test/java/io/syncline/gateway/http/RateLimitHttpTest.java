package io.syncline.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncline.platform.test.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = {"syncline.gateway.rate-limit.capacity=5", "syncline.gateway.rate-limit.period=PT30S"})
class RateLimitHttpTest extends EdgeTest {

    @Test
    void limitsEachUserAndSaysSo() {
        ApiClient.Response first = alice.get("/api/orders");
        assertThat(first.header("ratelimit-policy")).isEqualTo("\"default\";q=5;w=30");
        assertThat(first.header("ratelimit")).matches("\"default\";r=4;t=\\d+");
        for (int i = 0; i < 4; i++) {
            assertThat(alice.get("/api/orders").status()).isEqualTo(200);
        }
        ApiClient.Response limited = alice.get("/api/orders");
        assertProblem(limited, 429);
        assertThat(Long.parseLong(limited.header("retry-after"))).isBetween(1L, 30L);
        assertThat(limited.header("ratelimit")).matches("\"default\";r=0;t=\\d+");
        assertThat(limited.header("x-correlation-id")).isNotBlank();

        // another user has a bucket of their own
        assertThat(bob.get("/api/orders").status()).isEqualTo(200);
    }

    @Test
    void limitsTheTokenEndpointPerClientAddress() {
        ApiClient.Response last = null;
        for (int i = 0; i < 6 && (last == null || last.status() != 429); i++) {
            last = anonymous.post("/api/auth/token", "{\"username\":\"alice\",\"password\":\"wrong\"}");
            assertThat(last.header("ratelimit-policy")).isEqualTo("\"default\";q=5;w=30");
        }
        assertProblem(last, 429);
        assertThat(last.header("retry-after")).isNotBlank();
    }

    @Test
    void leavesHealthAndDocsUnlimited() {
        for (int i = 0; i < 8; i++) {
            assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        }
        assertThat(anonymous.get("/actuator/health").header("ratelimit")).isNull();
    }
}

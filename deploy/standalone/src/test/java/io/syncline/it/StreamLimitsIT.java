package io.syncline.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** The cap on one user's open streams, in a context of its own so that no other test's streams count. */
@TestPropertySource(properties = "syncline.stream.max-connections-per-user=2")
class StreamLimitsIT extends StandaloneIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void refusesAUsersStreamsOverItsCapOnSseAndWebSocket() throws Exception {
        String vera = client().login("vera", "secret").token();
        try (WebSocketStreamIT.Ws first = WebSocketStreamIT.Ws.open(port, null, vera);
                WebSocketStreamIT.Ws second = WebSocketStreamIT.Ws.open(
                        port, "?ticket=" + WebSocketStreamIT.ticket(client().login("vera", "secret")), null)) {
            HttpResponse<InputStream> third = WebSocketStreamIT.openSse(
                    port, "?ticket=" + WebSocketStreamIT.ticket(client().login("vera", "secret")));
            String body = new String(third.body().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(third.statusCode()).isEqualTo(429);
            assertThat(third.headers().firstValue("content-type").orElse("")).startsWith("application/problem+json");
            assertThat(body).contains("streams open");

            WebSocketStreamIT.Ws refused = WebSocketStreamIT.Ws.open(port, null, vera);
            refused.awaitClosed();
            assertThat(refused.closeCode()).isEqualTo(1008);
        }
        // closing frees the places
        Instant deadline = Instant.now().plus(WAIT);
        while (true) {
            HttpResponse<InputStream> again = WebSocketStreamIT.openSse(
                    port, "?ticket=" + WebSocketStreamIT.ticket(client().login("vera", "secret")));
            again.body().close();
            if (again.statusCode() == 200) {
                break;
            }
            assertThat(Instant.now()).isBefore(deadline);
            Thread.sleep(100);
        }
    }
}

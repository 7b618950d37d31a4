package io.syncline.gateway.channels.tiktok;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncline.api.orders.OrderLine;
import io.syncline.gateway.channels.ChannelNotice.OrderCreated;
import io.syncline.gateway.channels.testing.TikTokApiStub;
import io.syncline.gateway.channels.testing.TikTokApiStub.Answer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The order read against a real HTTP server that checks requests the way TikTok Shop does. */
class TikTokOrdersTest {

    // the app key and secret of TikTok's signing examples, the cipher of its Get Authorized Shops sample
    private static final String APP_KEY = "68xu9ks5p4i8";
    private static final String APP_SECRET = "e59af819cc";
    private static final String ACCESS_TOKEN = "TTP_pwSm2AAAAABmmtFz1xlyKMnwg74T2GJ5s0uQbS8jPjb";
    private static final String SHOP_CIPHER = "GCP_XF90igAAAABh00qsWgtvOiGFNqyubMt3";
    private static final Instant NOW = Instant.parse("2026-12-01T23:00:00Z");
    private static final String ORDER_ID = "576461413038785752";

    private final TikTokApiStub tiktok =
            new TikTokApiStub(APP_KEY, APP_SECRET, ACCESS_TOKEN, SHOP_CIPHER, NOW.getEpochSecond());

    @AfterEach
    void stop() {
        tiktok.close();
    }

    @Test
    void readsTheOrderWithOneUnitPerLineItemBySellerSku() {
        OrderCreated order = orders(Duration.ofSeconds(5)).fetch(ORDER_ID);

        assertThat(order)
                .isEqualTo(new OrderCreated(
                        ORDER_ID,
                        List.of(new OrderLine("red_iphone_256", 2), new OrderLine("yellow-24-XL", 1)),
                        Instant.ofEpochSecond(1619621355),
                        Instant.ofEpochSecond(1619611561)));
        assertThat(tiktok.problems()).isEmpty();
        assertThat(tiktok.queries()).singleElement().satisfies(query -> assertThat(query)
                .containsEntry("ids", ORDER_ID)
                .containsKeys("app_key", "timestamp", "shop_cipher", "sign"));
    }

    @Test
    void theServerRefusesARequestSignedWithAnotherSecret() {
        TikTokOrders wrongSecret = new TikTokOrders(
                tiktok.baseUrl(),
                APP_KEY,
                "not-the-secret",
                ACCESS_TOKEN,
                SHOP_CIPHER,
                Clock.fixed(NOW, ZoneOffset.UTC),
                Duration.ofSeconds(2),
                Duration.ofSeconds(5));

        TikTokApiException failure = failure(wrongSecret);

        assertThat(failure.retryable()).isFalse();
        assertThat(failure).hasMessageContaining("106001");
        assertThat(tiktok.problems()).singleElement().asString().startsWith("sign ");
    }

    @Test
    void aRateLimitMayPassLaterAndTheNextReadDoes() {
        tiktok.answering(Answer.of(429, Fixtures.text("error-rate-limited.json")));
        TikTokOrders orders = orders(Duration.ofSeconds(5));

        TikTokApiException failure = failure(orders);
        assertThat(failure.retryable()).isTrue();
        assertThat(failure).hasMessageContaining("36009002").hasMessageContaining("try again later");
        assertThat(orders.fetch(ORDER_ID).lines()).hasSize(2);
        assertThat(tiktok.problems()).isEmpty();
    }

    @Test
    void serverErrorsAndTikToksInternalErrorsMayPassLater() {
        tiktok.answering(
                Answer.of(500, "<html><body>502 Bad Gateway</body></html>"),
                Answer.of(200, Fixtures.text("error-internal.json")));
        TikTokOrders orders = orders(Duration.ofSeconds(5));

        assertThat(failure(orders).retryable()).isTrue();
        assertThat(failure(orders).retryable()).isTrue();
        assertThat(orders.fetch(ORDER_ID).channelOrderId()).isEqualTo(ORDER_ID);
    }

    @Test
    void aTimeoutMayPassLater() {
        tiktok.answering(new Answer(200, Fixtures.text("order-detail-202309.json"), Duration.ofSeconds(3)));

        TikTokApiException failure = failure(orders(Duration.ofMillis(300)));

        assertThat(failure.retryable()).isTrue();
        assertThat(failure).hasMessageContaining("no answer from TikTok Shop");
    }

    @Test
    void anUnreachableApiMayPassLater() {
        TikTokOrders orders = orders(Duration.ofSeconds(5));
        tiktok.close();

        assertThat(failure(orders).retryable()).isTrue();
    }

    @Test
    void refusedCredentialsWillNotPass() {
        tiktok.answering(
                Answer.of(400, Fixtures.text("error-invalid-token.json")),
                Answer.of(200, Fixtures.text("error-invalid-sign.json")));
        TikTokOrders orders = orders(Duration.ofSeconds(5));

        TikTokApiException token = failure(orders);
        assertThat(token.retryable()).isFalse();
        assertThat(token)
                .hasMessageContaining("36009004")
                .hasMessageContaining("x-tts-access-token")
                .hasMessageContaining("202203070749000101890810281E8C70B7")
                .hasMessageContaining("will not help");
        assertThat(failure(orders).retryable()).isFalse();
    }

    @Test
    void anOrderTikTokDoesNotReturnWillNotPass() {
        tiktok.answering(Answer.of(200, Fixtures.text("order-detail-no-order.json")));

        TikTokApiException failure = failure(orders(Duration.ofSeconds(5)));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure).hasMessageContaining(ORDER_ID).hasMessageContaining("not known");
    }

    @Test
    void aLineWithoutSellerSkuWillNotPass() {
        tiktok.answering(Answer.of(200, Fixtures.text("order-detail-no-seller-sku.json")));

        TikTokApiException failure = failure(orders(Duration.ofSeconds(5)));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure).hasMessageContaining("577086512123755123").hasMessageContaining("no seller_sku");
    }

    private TikTokOrders orders(Duration requestTimeout) {
        return new TikTokOrders(
                tiktok.baseUrl(),
                APP_KEY,
                APP_SECRET,
                ACCESS_TOKEN,
                SHOP_CIPHER,
                Clock.fixed(NOW, ZoneOffset.UTC),
                Duration.ofSeconds(2),
                requestTimeout);
    }

    private static TikTokApiException failure(TikTokOrders orders) {
        try {
            orders.fetch(ORDER_ID);
        } catch (TikTokApiException failure) {
            return failure;
        }
        throw new AssertionError("the read of order " + ORDER_ID + " should have failed");
    }
}

package io.syncline.gateway.channels.shopify;

import static io.syncline.gateway.channels.shopify.ShopifyFixtures.EVENT_ID;
import static io.syncline.gateway.channels.shopify.ShopifyFixtures.SECRET;
import static io.syncline.gateway.channels.shopify.ShopifyFixtures.WEBHOOK_ID;
import static io.syncline.gateway.channels.shopify.ShopifyFixtures.fixture;
import static io.syncline.gateway.channels.shopify.ShopifyFixtures.headers;
import static io.syncline.gateway.channels.shopify.ShopifyFixtures.hmac;
import static io.syncline.gateway.channels.shopify.ShopifyFixtures.signature;
import static io.syncline.gateway.channels.shopify.ShopifyFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.syncline.gateway.channels.WebhookDelivery;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShopifyWebhooksVerifyTest {

    private static final byte[] ORDER = fixture("orders-create.json");

    @Test
    void verifiesShopifysOwnTestVector() {
        // shopify-app-js, lib/webhooks/__tests__/validate.test.ts
        byte[] body = utf8("{\"foo\": \"bar\"}");
        Map<String, String> headers = Map.of(
                "X-Shopify-Hmac-Sha256", "B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g=",
                "X-Shopify-Topic", "products/create",
                "X-Shopify-Webhook-Id", "123456789",
                "X-Shopify-Shop-Domain", "shop1.myshopify.io",
                "X-Shopify-API-Version", "2023-01");

        assertThat(ShopifyWebhooks.verify(body, headers, "test_secret_key")).hasValueSatisfying(delivery -> {
            assertThat(delivery.deliveryId()).isEqualTo("123456789");
            assertThat(delivery.topic()).isEqualTo("products/create");
            assertThat(delivery.sentAt()).isNull();
        });
        assertThat(signature("test_secret_key", body)).isEqualTo("B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g=");
    }

    @Test
    void verifiesAStoredPayloadSignedOverItsExactBytes() {
        WebhookDelivery delivery = ShopifyWebhooks.verify(ORDER, headers("orders/create", ORDER), SECRET)
                .orElseThrow();

        assertThat(delivery.body()).isEqualTo(ORDER);
        assertThat(delivery.topic()).isEqualTo("orders/create");
        assertThat(delivery.deliveryId()).isEqualTo(EVENT_ID);
        assertThat(delivery.sentAt()).isEqualTo(Instant.parse("2023-03-29T18:00:27.877041743Z"));
    }

    @Test
    void doesNotVerifyASignatureMadeWithAnotherSecret() {
        assertThat(verify(h -> h.put("X-Shopify-Hmac-Sha256", signature("another app's secret", ORDER))))
                .isEmpty();
    }

    @Test
    void doesNotVerifyWithoutASignature() {
        assertThat(verify(h -> h.remove("X-Shopify-Hmac-Sha256"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "not base64!", "B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g="})
    void doesNotVerifyASignatureThatIsNotBase64OfTheDigest(String signature) {
        assertThat(verify(h -> h.put("X-Shopify-Hmac-Sha256", signature))).isEmpty();
    }

    @Test
    void doesNotVerifyTheRightDigestInHex() {
        String hex = HexFormat.of().formatHex(hmac(SECRET, ORDER));

        assertThat(verify(h -> h.put("X-Shopify-Hmac-Sha256", hex))).isEmpty();
    }

    @Test
    void doesNotVerifyTheSameJsonSerialisedAgainAfterSigning() throws Exception {
        Map<String, String> signedForOriginal = headers("orders/create", ORDER);
        ObjectMapper json = new ObjectMapper();
        byte[] reserialised = json.writeValueAsBytes(json.readTree(ORDER));

        assertThat(json.readTree(reserialised)).isEqualTo(json.readTree(ORDER));
        assertThat(reserialised).isNotEqualTo(ORDER);
        assertThat(ShopifyWebhooks.verify(reserialised, signedForOriginal, SECRET))
                .isEmpty();
    }

    @Test
    void readsHeaderNamesInAnyCase() {
        for (UnaryOperator<String> casing :
                List.<UnaryOperator<String>>of(n -> n.toLowerCase(Locale.ROOT), n -> n.toUpperCase(Locale.ROOT))) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers("orders/create", ORDER).forEach((name, value) -> headers.put(casing.apply(name), value));

            assertThat(ShopifyWebhooks.verify(ORDER, headers, SECRET))
                    .hasValueSatisfying(
                            delivery -> assertThat(delivery.deliveryId()).isEqualTo(EVENT_ID));
            assertThat(ShopifyWebhooks.header(headers, ShopifyWebhooks.SHOP_DOMAIN))
                    .contains("jsmith.myshopify.com");
        }
    }

    @Test
    void deduplicatesByTheEventIdAndElseTheWebhookId() {
        assertThat(verify(h -> {}))
                .hasValueSatisfying(d -> assertThat(d.deliveryId()).isEqualTo(EVENT_ID));
        assertThat(verify(h -> h.remove("X-Shopify-Event-Id")))
                .hasValueSatisfying(d -> assertThat(d.deliveryId()).isEqualTo(WEBHOOK_ID));
        assertThat(verify(h -> h.put("X-Shopify-Event-Id", " ")))
                .hasValueSatisfying(d -> assertThat(d.deliveryId()).isEqualTo(WEBHOOK_ID));
    }

    @Test
    void doesNotAcceptADeliveryWithoutTopicOrIds() {
        assertThat(verify(h -> h.remove("X-Shopify-Topic"))).isEmpty();
        assertThat(verify(h -> {
                    h.remove("X-Shopify-Event-Id");
                    h.remove("X-Shopify-Webhook-Id");
                }))
                .isEmpty();
    }

    @Test
    void leavesTheSendingTimeOutWhenShopifyDoesNotGiveOneThatReads() {
        assertThat(verify(h -> h.remove("X-Shopify-Triggered-At")))
                .hasValueSatisfying(d -> assertThat(d.sentAt()).isNull());
        assertThat(verify(h -> h.put("X-Shopify-Triggered-At", "yesterday")))
                .hasValueSatisfying(d -> assertThat(d.sentAt()).isNull());
    }

    @Test
    void refusesToCheckWithoutASecret() {
        assertThatThrownBy(() -> ShopifyWebhooks.verify(ORDER, headers("orders/create", ORDER), ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("secret");
    }

    private static Optional<WebhookDelivery> verify(Consumer<Map<String, String>> change) {
        Map<String, String> headers = headers("orders/create", ORDER);
        change.accept(headers);
        return ShopifyWebhooks.verify(ORDER, headers, SECRET);
    }
}

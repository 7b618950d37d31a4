package io.syncline.gateway.channels.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncline.gateway.channels.testing.ShopifyAdminStub;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Shopify's inventory calls against a real HTTP server that keeps one level and answers as Shopify does. */
class ShopifyInventoryTest {

    private static final String ITEM = "gid://shopify/InventoryItem/30322695";
    private static final String LOCATION = "gid://shopify/Location/124656943";
    private static final String TOKEN = "shpat_test";

    private final ShopifyAdminStub server = new ShopifyAdminStub(TOKEN, 7);
    private final ShopifyInventory shop = new ShopifyInventory(
            HttpClient.newHttpClient(), server.baseUrl() + "/", "2026-10", TOKEN, Duration.ofSeconds(5));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void setsTheQuantityFromWhatTheShopShowsUnderAnIdempotencyKey() {
        assertThat(shop.set(ITEM, LOCATION, 3, 7, "key-1", "gid://syncline/StockPush/key-1"))
                .isInstanceOf(ShopifyInventory.Result.Done.class);
        assertThat(server.level()).isEqualTo(3);
        JsonNode sent = server.requests().get(0);
        assertThat(sent.path("query").asText())
                .contains("inventorySetQuantities(input: $input) @idempotent(key: $idempotencyKey)");
        JsonNode input = sent.path("variables").path("input");
        assertThat(input.path("name").asText()).isEqualTo("available");
        assertThat(input.path("reason").asText()).isEqualTo("correction");
        assertThat(input.path("quantities").get(0).path("changeFromQuantity").asInt())
                .isEqualTo(7);
        assertThat(sent.path("variables").path("idempotencyKey").asText()).isEqualTo("key-1");
        assertThat(shop.waitBeforeNext()).as("plenty in the bucket").isZero();
    }

    @Test
    void aShopChangedMeanwhileIsStaleAndItsLevelIsReadBack() {
        assertThat(shop.set(ITEM, LOCATION, 3, 5, "key-2", "ref")).isInstanceOf(ShopifyInventory.Result.Stale.class);
        assertThat(server.level()).as("nothing changed").isEqualTo(7);
        assertThat(shop.read(ITEM, LOCATION)).contains(7);
    }

    @Test
    void anUnknownQuantityIsSentAsNull() {
        shop.set(ITEM, LOCATION, 4, null, "key-3", "ref");
        assertThat(server.requests()
                        .get(0)
                        .path("variables")
                        .path("input")
                        .path("quantities")
                        .get(0)
                        .get("changeFromQuantity")
                        .isNull())
                .isTrue();
        assertThat(server.level()).isEqualTo(4);
    }

    @Test
    void theThrottleSaysHowLongToWaitFromTheBucket() {
        server.throttle("graphql");
        ShopifyInventory.Result result = shop.set(ITEM, LOCATION, 3, 7, "key-4", "ref");
        // cost 10, 2 available, 4 restored per second: 2 s
        assertThat(result).isEqualTo(new ShopifyInventory.Result.Throttled(Duration.ofSeconds(2)));
        assertThat(shop.waitBeforeNext()).isEqualTo(Duration.ofSeconds(2));
        server.throttle("429");
        assertThat(shop.set(ITEM, LOCATION, 3, 7, "key-5", "ref"))
                .isEqualTo(new ShopifyInventory.Result.Throttled(Duration.ofSeconds(2)));
        assertThat(server.level()).isEqualTo(7);
    }

    @Test
    void aShopThatIsDownMayPassAndAWrongTokenWillNot() {
        server.failWith(503);
        assertThatThrownBy(() -> shop.set(ITEM, LOCATION, 3, 7, "k", "ref"))
                .isInstanceOfSatisfying(ShopifyApiException.class, e -> assertThat(e.retryable())
                        .isTrue());
        server.failWith(null);
        ShopifyInventory wrongToken = new ShopifyInventory(
                HttpClient.newHttpClient(), server.baseUrl(), "2026-10", "shpat_wrong", Duration.ofSeconds(5));
        assertThatThrownBy(() -> wrongToken.set(ITEM, LOCATION, 3, 7, "k", "ref"))
                .isInstanceOfSatisfying(ShopifyApiException.class, e -> assertThat(e.retryable())
                        .isFalse());
    }
}

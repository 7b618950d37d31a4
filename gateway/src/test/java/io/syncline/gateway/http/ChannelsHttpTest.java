package io.syncline.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncline.platform.test.ApiClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The channel registry and listings: ADMIN writes, every role reads, secrets never come back. */
class ChannelsHttpTest extends EdgeTest {

    private static final String SHOP_SECRET = "shpss_0123456789abcdef-secret";
    private static final String SHOP_TOKEN = "shpat_0123456789abcdef-token";

    @Autowired
    JdbcTemplate jdbc;

    private static Map<String, Object> shopify(String secret, String token) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("kind", "SHOPIFY");
        body.put("name", "Acme on Shopify");
        body.put("apiBaseUrl", "https://acme.myshopify.com");
        if (secret != null) {
            body.put("webhookSecret", secret);
        }
        if (token != null) {
            body.put("accessToken", token);
        }
        body.put("locationId", "gid://shopify/Location/65432109876");
        body.put("bufferStock", 2);
        body.put("enabled", true);
        return body;
    }

    private static Map<String, Object> tiktok() {
        return Map.of(
                "kind", "TIKTOK_SHOP",
                "apiBaseUrl", "https://open-api.tiktokglobalshop.com",
                "webhookSecret", "tts-app-secret",
                "accessToken", "TTP_access-token",
                "appKey", "6abc123def",
                "shopCipher", "GCP_XF90igAAAABh00qsWgtvOiGFNqyubMt3",
                "warehouseId", "7068517275539719942");
    }

    @Test
    void anAdminConnectsAChannelWith201AndChangesItWith200KeepingTheSecrets() {
        ApiClient root = login("root");
        String id = unique("shop");
        ApiClient.Response first = root.send("PUT", "/api/channels/" + id, shopify(SHOP_SECRET, SHOP_TOKEN), Map.of());
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().path("kind").asText()).isEqualTo("SHOPIFY");
        assertThat(first.json().path("apiVersion").asText()).as("default").isEqualTo("2026-10");
        assertThat(first.json().path("webhookSecretSet").asBoolean()).isTrue();
        assertThat(first.json().path("accessTokenSet").asBoolean()).isTrue();

        Map<String, Object> changed = shopify(null, null);
        changed.put("bufferStock", 5);
        ApiClient.Response second = root.send("PUT", "/api/channels/" + id, changed, Map.of());
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.json().path("bufferStock").asInt()).isEqualTo(5);
        assertThat(second.json().path("webhookSecretSet").asBoolean())
                .as("kept")
                .isTrue();

        byte[] sealed =
                jdbc.queryForObject("select webhook_secret from channels where channel_id = ?", byte[].class, id);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1))
                .as("encrypted at rest")
                .doesNotContain(SHOP_SECRET);
    }

    @Test
    void noReadEverShowsASecretOrToken() {
        ApiClient root = login("root");
        String id = unique("shop");
        root.send("PUT", "/api/channels/" + id, shopify(SHOP_SECRET, SHOP_TOKEN), Map.of());

        for (String path : List.of("/api/channels", "/api/channels/" + id, "/api/channels/" + id + "/listings")) {
            ApiClient.Response r = vera.get(path);
            assertThat(r.status()).as(path).isEqualTo(200);
            assertThat(r.body()).as(path).doesNotContain(SHOP_SECRET).doesNotContain(SHOP_TOKEN);
        }
        assertThat(vera.get("/api/channels/" + id).json().fieldNames())
                .toIterable()
                .doesNotContain("webhookSecret", "accessToken")
                .contains("webhookSecretSet", "accessTokenSet");
    }

    @Test
    void onlyAnAdminChangesChannelsAndOnlyItsOwnMerchantSeesThem() {
        String id = unique("shop");
        assertProblem(alice.send("PUT", "/api/channels/" + id, shopify(SHOP_SECRET, SHOP_TOKEN), Map.of()), 403);
        login("root").send("PUT", "/api/channels/" + id, shopify(SHOP_SECRET, SHOP_TOKEN), Map.of());

        assertThat(alice.get("/api/channels/" + id).status()).isEqualTo(200);
        assertProblem(bob.get("/api/channels/" + id), 404);
        assertThat(bob.get("/api/channels").json().path("items").toString()).doesNotContain(id);
        assertProblem(anonymous.get("/api/channels"), 401);
    }

    @Test
    void refusesWhatAChannelOfItsKindCannotHave() {
        ApiClient root = login("root");
        assertValidation(
                root.send("PUT", "/api/channels/Bad_Id", shopify(SHOP_SECRET, SHOP_TOKEN), Map.of()), "channelId");
        assertValidation(
                root.send("PUT", "/api/channels/" + unique("n"), shopify(null, SHOP_TOKEN), Map.of()), "webhookSecret");
        Map<String, Object> noLocation = shopify(SHOP_SECRET, SHOP_TOKEN);
        noLocation.remove("locationId");
        assertValidation(root.send("PUT", "/api/channels/" + unique("n"), noLocation, Map.of()), "locationId");
        Map<String, Object> badUrl = shopify(SHOP_SECRET, SHOP_TOKEN);
        badUrl.put("apiBaseUrl", "acme.myshopify.com");
        assertValidation(root.send("PUT", "/api/channels/" + unique("n"), badUrl, Map.of()), "apiBaseUrl");
        Map<String, Object> negative = shopify(SHOP_SECRET, SHOP_TOKEN);
        negative.put("bufferStock", -1);
        assertValidation(root.send("PUT", "/api/channels/" + unique("n"), negative, Map.of()), "bufferStock");
        Map<String, Object> tiktokWithoutCipher = new java.util.HashMap<>(tiktok());
        tiktokWithoutCipher.remove("shopCipher");
        assertValidation(root.send("PUT", "/api/channels/" + unique("n"), tiktokWithoutCipher, Map.of()), "shopCipher");
        assertProblem(root.send("PUT", "/api/channels/" + unique("n"), "{\"kind\":\"EBAY\"}", Map.of()), 400);
    }

    @Test
    void listsOurSkusOnTheChannelInItsPlatformsIds() {
        ApiClient root = login("root");
        String shop = unique("shop");
        String tts = unique("tts");
        root.send("PUT", "/api/channels/" + shop, shopify(SHOP_SECRET, SHOP_TOKEN), Map.of());
        assertThat(root.send("PUT", "/api/channels/" + tts, tiktok(), Map.of()).status())
                .isEqualTo(201);

        ApiClient.Response listed = root.send(
                "PUT",
                "/api/channels/" + shop + "/listings/MUG",
                Map.of("inventoryItemId", "gid://shopify/InventoryItem/9007199254740993"),
                Map.of());
        assertThat(listed.status()).as(listed.body()).isEqualTo(201);
        assertThat(root.send(
                                "PUT",
                                "/api/channels/" + shop + "/listings/MUG",
                                Map.of("inventoryItemId", "gid://shopify/InventoryItem/12345678901234567"),
                                Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(root.send(
                                "PUT",
                                "/api/channels/" + tts + "/listings/MUG",
                                Map.of("productId", "1729592969712207234", "skuId", "1729592969712207235"),
                                Map.of())
                        .status())
                .isEqualTo(201);

        var items = vera.get("/api/channels/" + shop + "/listings").json().path("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).path("sku").asText()).isEqualTo("MUG");
        assertThat(items.get(0).path("inventoryItemId").asText())
                .isEqualTo("gid://shopify/InventoryItem/12345678901234567");
        assertThat(items.get(0).path("inSync").asBoolean())
                .as("nothing pushed yet")
                .isFalse();
        assertThat(items.get(0).has("channelQuantity")).isTrue();
        assertThat(vera.get("/api/channels/" + tts + "/listings")
                        .json()
                        .path("items")
                        .get(0)
                        .path("skuId")
                        .asText())
                .isEqualTo("1729592969712207235");
        assertThat(vera.get("/api/channels/" + shop).json().path("listings").asLong())
                .isEqualTo(1);

        assertValidation(
                root.send(
                        "PUT",
                        "/api/channels/" + shop + "/listings/CUP",
                        Map.of("productId", "1", "skuId", "2"),
                        Map.of()),
                "inventoryItemId");
        assertValidation(
                root.send(
                        "PUT",
                        "/api/channels/" + tts + "/listings/CUP",
                        Map.of("inventoryItemId", "gid://shopify/InventoryItem/1"),
                        Map.of()),
                "productId");
        assertProblem(
                root.send(
                        "PUT",
                        "/api/channels/" + unique("none") + "/listings/CUP",
                        Map.of("inventoryItemId", "gid://shopify/InventoryItem/1"),
                        Map.of()),
                404);
        assertProblem(vera.get("/api/channels/" + unique("none") + "/listings"), 404);
    }
}

package io.syncline.simulator.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncline.simulator.ChannelSimulator;
import io.syncline.simulator.SimulatorConfig;
import io.syncline.simulator.testing.Http;
import java.math.BigInteger;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdminApiTest {

    private ChannelSimulator simulator;

    @BeforeEach
    void start() {
        simulator = ChannelSimulator.start(SimulatorConfig.defaults());
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void createsAShopWithGeneratedSecretsAndExactIds() {
        String body =
                """
                {"name": "acme", "kind": "SHOPIFY", "webhookUrl": "http://127.0.0.1:9/webhooks/shopify/demo/acme",
                 "items": [{"sku": "MUG", "quantity": 3, "inventoryItemId": 271878346596884015}, {"sku": "CUP"}]}""";

        Http.Answer created = Http.post(shops(), body);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/admin/shops/acme");
        JsonNode shop = created.json();
        assertThat(shop.path("apiBaseUrl").asText()).isEqualTo(simulator.baseUrl() + "/shopify/acme");
        assertThat(shop.at("/config/accessToken").asText()).startsWith("shpat_");
        assertThat(shop.at("/config/webhookSecret").asText()).isNotBlank();
        assertThat(shop.at("/config/locationId").asText()).matches("[0-9]+");
        assertThat(shop.at("/config/apiVersion").asText()).isEqualTo("2026-10");
        JsonNode items = Http.get(URI.create(shops() + "/acme/items")).json();
        assertThat(items.get(0).path("inventoryItemId").asText())
                .isEqualTo("gid://shopify/InventoryItem/271878346596884015");
        assertThat(items.get(0).path("quantity").asInt()).isEqualTo(3);
        assertThat(new BigInteger(items.get(1).path("inventoryItemId").asText().replaceAll("\\D", "")))
                .isGreaterThan(BigInteger.TWO.pow(53));
        assertThat(items.get(1).path("quantity").asInt()).isZero();
        assertThat(simulator.shop("acme").accessToken())
                .isEqualTo(shop.at("/config/accessToken").asText());

        JsonNode list = Http.get(shops()).json();
        assertThat(list).extracting(s -> s.path("name").asText()).containsExactly("acme");
    }

    @Test
    void refusesWhatItCannotMake() {
        assertThat(Http.post(shops(), "{\"name\": \"Bad Name\", \"kind\": \"SHOPIFY\"}")
                        .status())
                .isEqualTo(400);
        assertThat(Http.post(shops(), "{\"name\": \"x\", \"kind\": \"EBAY\"}").status())
                .isEqualTo(400);
        assertThat(Http.post(shops(), "{\"name\": \"x\", \"kind\": \"SHOPIFY\", \"typo\": 1}")
                        .status())
                .isEqualTo(400);
        assertThat(Http.post(shops(), "not json").status()).isEqualTo(400);
        assertThat(Http.post(shops(), Map.of("name", "x", "kind", "TIKTOK_SHOP"))
                        .status())
                .isEqualTo(201);
        Http.Answer taken = Http.post(shops(), Map.of("name", "x", "kind", "SHOPIFY"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Http.get(URI.create(shops() + "/nope")).status()).isEqualTo(404);
        assertThat(Http.put(URI.create(shops() + "/x/faults/down"), Map.of()).status())
                .isEqualTo(400);
        assertThat(Http.put(URI.create(shops() + "/x/faults/sideways"), Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(Http.post(
                                URI.create(shops() + "/x/orders"),
                                Map.of("lines", List.of(Map.of("sku", "NONE", "quantity", 1))))
                        .status())
                .isEqualTo(409);
    }

    @Test
    void placesADrawnOrderAndRefusesOneBeyondTheStockUnlessOversold() {
        Http.post(
                shops(),
                "{\"name\": \"tts\", \"kind\": \"TIKTOK_SHOP\", \"items\": [{\"sku\": \"A\", \"quantity\": 1}]}");
        URI orders = URI.create(shops() + "/tts/orders");

        assertThat(Http.post(orders, Map.of("lines", List.of(Map.of("sku", "A", "quantity", 2))))
                        .status())
                .isEqualTo(409);
        Http.Answer drawn = Http.post(orders, null);
        assertThat(drawn.status()).isEqualTo(201);
        assertThat(drawn.json().at("/lines/0/sku").asText()).isEqualTo("A");
        assertThat(Http.post(orders, null).status()).isEqualTo(409);
        Http.Answer oversold =
                Http.post(orders, Map.of("lines", List.of(Map.of("sku", "A", "quantity", 2)), "oversell", true));
        assertThat(oversold.status()).isEqualTo(201);
        assertThat(Http.get(URI.create(shops() + "/tts/items/A"))
                        .json()
                        .path("quantity")
                        .asInt())
                .isEqualTo(-2);
        assertThat(Http.get(orders).json()).hasSize(2);
    }

    @Test
    void removesAShopSoItsApiIsGone() {
        Http.post(shops(), Map.of("name", "gone", "kind", "SHOPIFY"));
        URI api = URI.create(simulator.apiBaseUrl("gone") + "/admin/api/2026-10/graphql.json");

        assertThat(Http.delete(URI.create(shops() + "/gone")).status()).isEqualTo(204);

        assertThat(Http.post(api, Map.of("query", "{ shop { name } }")).status())
                .isEqualTo(404);
        assertThat(Http.get(URI.create(shops() + "/gone")).status()).isEqualTo(404);
    }

    @Test
    void changesTheWebhookUrl() {
        Http.post(shops(), Map.of("name", "acme", "kind", "SHOPIFY"));

        Http.Answer changed =
                Http.put(URI.create(shops() + "/acme/webhook"), Map.of("url", "http://127.0.0.1:9/hooks"));

        assertThat(changed.status()).isEqualTo(200);
        assertThat(simulator.shop("acme").webhookUrl()).isEqualTo(URI.create("http://127.0.0.1:9/hooks"));
        assertThat(Http.put(URI.create(shops() + "/acme/webhook"), Map.of("url", "ftp://x"))
                        .status())
                .isEqualTo(400);
    }

    private URI shops() {
        return URI.create(simulator.adminUrl() + "/shops");
    }
}

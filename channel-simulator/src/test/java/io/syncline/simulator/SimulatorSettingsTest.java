package io.syncline.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorSettingsTest {

    @Test
    void defaultsToPort8090OnEveryInterfaceWithShopifysRetries() {
        SimulatorConfig config = SimulatorSettings.fromEnvironment(Map.of());

        assertThat(config.port()).isEqualTo(8090);
        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.shops()).isEmpty();
        assertThat(config.webhooks()).isEqualTo(WebhookSettings.defaults());
    }

    @Test
    void readsShopsFromAYamlFileAndTheRestFromTheEnvironment(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("shops.yaml");
        Files.writeString(
                file,
                """
                webhooks:
                  timeout: 2s
                  maxRetries: 3
                  retryInterval: PT0.5S
                shops:
                  - name: acme
                    kind: shopify
                    accessToken: shpat_demo
                    webhookSecret: demo-secret
                    webhookUrl: http://syncline:8080/webhooks/shopify/demo/acme
                    locationId: 24826418
                    items:
                      - sku: MUG
                        quantity: 40
                        inventoryItemId: 271878346596884015
                    orders:
                      ratePerSecond: 0.5
                      followUpAfter: 30s
                  - name: tts
                    kind: TIKTOK_SHOP
                    appKey: app-key
                    items:
                      - {sku: red_iphone_256, quantity: 5, productId: "1729582718312380123", skuId: "2729382476852921560"}
                """);

        SimulatorConfig config = SimulatorSettings.fromEnvironment(Map.of(
                "SIMULATOR_PORT", "9999",
                "SIMULATOR_SHOPS", file.toString(),
                "SIMULATOR_PUBLIC_URL", "http://simulator:9999",
                "SIMULATOR_WEBHOOK_RETRIES", "5"));

        assertThat(config.port()).isEqualTo(9999);
        assertThat(config.publicBaseUrl()).isEqualTo(URI.create("http://simulator:9999"));
        assertThat(config.webhooks().timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.webhooks().retryInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.webhooks().maxRetries()).isEqualTo(5);
        ShopConfig acme = config.shops().get(0);
        assertThat(acme.kind()).isEqualTo(ShopKind.SHOPIFY);
        assertThat(acme.locationId()).isEqualTo("24826418");
        assertThat(acme.items().get(0).inventoryItemId()).isEqualTo("271878346596884015");
        assertThat(acme.orders().ratePerSecond()).isEqualTo(0.5);
        assertThat(acme.orders().followUpAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.shops().get(1).items().get(0).skuId()).isEqualTo("2729382476852921560");
    }

    @Test
    void theExampleShopsFileStarts() {
        SimulatorConfig example = SimulatorSettings.fromEnvironment(Map.of("SIMULATOR_SHOPS", "shops.example.yaml"));
        // started quietly: no buyers, and no webhooks to whatever listens on localhost:8080
        SimulatorConfig config = example.withHost("127.0.0.1")
                .withPort(0)
                .withShops(example.shops().stream()
                        .map(shop -> shop.withOrders(OrderGeneratorConfig.off()).withWebhookUrl(null))
                        .toList());

        try (ChannelSimulator simulator = ChannelSimulator.start(config)) {
            assertThat(simulator.shops()).extracting(ShopConfig::name).containsExactly("demo-shopify", "demo-tiktok");
        }
    }

    @Test
    void readsShopsGivenAsJsonInline() {
        SimulatorConfig config = SimulatorSettings.fromEnvironment(
                Map.of("SIMULATOR_SHOPS", "[{\"name\": \"acme\", \"kind\": \"SHOPIFY\"}]"));

        assertThat(config.shops()).extracting(ShopConfig::name).containsExactly("acme");
    }

    @Test
    void saysWhatIsWrongWithAShopsFile() {
        assertThatThrownBy(() -> SimulatorSettings.fromEnvironment(
                        Map.of("SIMULATOR_SHOPS", "[{\"name\": \"acme\", \"kind\": \"SHOPIFY\", \"colour\": 1}]")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("colour");
        assertThatThrownBy(() -> SimulatorSettings.fromEnvironment(Map.of("SIMULATOR_PORT", "http")))
                .hasMessageContaining("SIMULATOR_PORT");
    }
}

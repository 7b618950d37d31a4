package io.syncline.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syncline.simulator.testing.Http;
import java.io.UncheckedIOException;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The embedding API: what an application that runs the simulator in-process relies on. */
class ChannelSimulatorTest {

    @Test
    void givesEachShopItsBaseUrlAndFillsItsConfiguration() {
        try (ChannelSimulator simulator = ChannelSimulator.start(SimulatorConfig.defaults()
                .withShop(ShopConfig.shopify("acme").withItem(ItemConfig.of("MUG", 3)))
                .withShop(ShopConfig.tiktok("tts")))) {

            assertThat(simulator.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:" + simulator.port()));
            assertThat(simulator.apiBaseUrl("acme")).isEqualTo(URI.create(simulator.baseUrl() + "/shopify/acme"));
            assertThat(simulator.apiBaseUrl("tts")).isEqualTo(URI.create(simulator.baseUrl() + "/tiktok/tts"));
            ShopConfig acme = simulator.shop("acme");
            assertThat(acme.accessToken()).startsWith("shpat_");
            assertThat(acme.items().get(0).inventoryItemId()).matches("[0-9]{18}");
            ShopConfig tts = simulator.shop("tts");
            assertThat(tts.appKey()).isNotBlank();
            assertThat(tts.shopCipher()).isNotBlank();
            assertThat(Http.get(URI.create(simulator.baseUrl() + "/health"))
                            .json()
                            .path("status")
                            .asText())
                    .isEqualTo("UP");
            assertThatThrownBy(() -> simulator.apiBaseUrl("nope")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void addsAndRemovesShopsWhileRunning() {
        try (ChannelSimulator simulator = ChannelSimulator.start(SimulatorConfig.defaults())) {
            ShopConfig added = simulator.addShop(ShopConfig.shopify("late"));

            assertThat(simulator.shops()).containsExactly(added);
            assertThatThrownBy(() -> simulator.addShop(ShopConfig.tiktok("late")))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(simulator.removeShop("late")).isTrue();
            assertThat(simulator.shops()).isEmpty();
        }
    }

    @Test
    void givesOutThePublicBaseUrlWhenOneIsSet() {
        try (ChannelSimulator simulator = ChannelSimulator.start(SimulatorConfig.defaults()
                .withPublicBaseUrl(URI.create("http://simulator:8090/"))
                .withShop(ShopConfig.shopify("acme")))) {

            assertThat(simulator.apiBaseUrl("acme")).isEqualTo(URI.create("http://simulator:8090/shopify/acme"));
            assertThat(simulator.adminUrl()).isEqualTo(URI.create("http://simulator:8090/admin"));
        }
    }

    @Test
    void refusesAnInvalidShopAndLeavesNothingRunning() {
        assertThatThrownBy(() -> ChannelSimulator.start(SimulatorConfig.defaults()
                        .withShop(ShopConfig.shopify("acme").withItem(ItemConfig.of("MUG", -1)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MUG");
    }

    @Test
    void stopsAnsweringWhenClosed() {
        ChannelSimulator simulator = ChannelSimulator.start(SimulatorConfig.defaults());
        URI health = URI.create(simulator.baseUrl() + "/health");
        assertThat(Http.get(health).status()).isEqualTo(200);

        simulator.close();

        assertThatThrownBy(() -> Http.get(health)).isInstanceOf(UncheckedIOException.class);
    }
}

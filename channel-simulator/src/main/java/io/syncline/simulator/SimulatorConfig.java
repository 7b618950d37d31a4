package io.syncline.simulator;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * How to run a simulator: the address it binds ({@code host}, {@code port}; port 0 takes a free one), the base URL
 * it gives out ({@code publicBaseUrl}; null: {@code http://<host>:<port>}), the {@code clock} its shops read
 * (throttle buckets, timestamps, TikTok Shop's timestamp window), the {@code webhooks} policy, the {@code shops}
 * to create at start and a {@code seed} for the order generators (null: random).
 */
public record SimulatorConfig(
        String host,
        int port,
        URI publicBaseUrl,
        Clock clock,
        WebhookSettings webhooks,
        List<ShopConfig> shops,
        Long seed) {

    public SimulatorConfig {
        host = host != null && !host.isBlank() ? host : "127.0.0.1";
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535");
        }
        clock = clock != null ? clock : Clock.systemUTC();
        webhooks = webhooks != null ? webhooks : WebhookSettings.defaults();
        shops = shops != null ? List.copyOf(shops) : List.of();
    }

    /** Loopback, a free port, the system clock, Shopify's retry policy, no shops yet. */
    public static SimulatorConfig defaults() {
        return new SimulatorConfig(null, 0, null, null, null, null, null);
    }

    public SimulatorConfig withHost(String value) {
        return new SimulatorConfig(value, port, publicBaseUrl, clock, webhooks, shops, seed);
    }

    public SimulatorConfig withPort(int value) {
        return new SimulatorConfig(host, value, publicBaseUrl, clock, webhooks, shops, seed);
    }

    public SimulatorConfig withPublicBaseUrl(URI value) {
        return new SimulatorConfig(host, port, value, clock, webhooks, shops, seed);
    }

    public SimulatorConfig withClock(Clock value) {
        return new SimulatorConfig(host, port, publicBaseUrl, value, webhooks, shops, seed);
    }

    public SimulatorConfig withWebhooks(WebhookSettings value) {
        return new SimulatorConfig(host, port, publicBaseUrl, clock, value, shops, seed);
    }

    public SimulatorConfig withShops(List<ShopConfig> value) {
        return new SimulatorConfig(host, port, publicBaseUrl, clock, webhooks, value, seed);
    }

    public SimulatorConfig withShop(ShopConfig value) {
        List<ShopConfig> more = new ArrayList<>(shops);
        more.add(value);
        return withShops(more);
    }

    public SimulatorConfig withSeed(long value) {
        return new SimulatorConfig(host, port, publicBaseUrl, clock, webhooks, shops, value);
    }
}

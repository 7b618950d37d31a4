package io.syncline.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.syncline.simulator.http.Durations;
import io.syncline.simulator.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The executable's settings, from environment variables: {@code SIMULATOR_PORT} (8090), {@code SIMULATOR_HOST}
 * (0.0.0.0), {@code SIMULATOR_PUBLIC_URL} (http://localhost:&lt;port&gt;), {@code SIMULATOR_SHOPS} (a JSON or YAML
 * file of shops, or the JSON itself), {@code SIMULATOR_WEBHOOK_TIMEOUT} (5s), {@code SIMULATOR_WEBHOOK_RETRIES} (8),
 * {@code SIMULATOR_WEBHOOK_RETRY_INTERVAL} (1s), {@code SIMULATOR_SEED} (random).
 */
public final class SimulatorSettings {

    /** What a shops file holds: the shops, and optionally the webhook policy. */
    record ShopsFile(List<ShopConfig> shops, WebhookSettings webhooks) {}

    private static final ObjectMapper YAML =
            Json.configure(YAMLMapper.builder()).build();

    private SimulatorSettings() {}

    public static SimulatorConfig fromEnvironment(Map<String, String> env) {
        int port = integer(env, "SIMULATOR_PORT", 8090);
        SimulatorConfig config = SimulatorConfig.defaults()
                .withHost(env.getOrDefault("SIMULATOR_HOST", "0.0.0.0"))
                .withPort(port);
        String publicUrl = env.get("SIMULATOR_PUBLIC_URL");
        if (publicUrl != null && !publicUrl.isBlank()) {
            config = config.withPublicBaseUrl(URI.create(publicUrl.strip()));
        }
        String seed = env.get("SIMULATOR_SEED");
        if (seed != null && !seed.isBlank()) {
            config = config.withSeed(Long.parseLong(seed.strip()));
        }
        WebhookSettings webhooks = WebhookSettings.defaults();
        String shops = env.get("SIMULATOR_SHOPS");
        if (shops != null && !shops.isBlank()) {
            ShopsFile file = readShops(shops.strip());
            config = config.withShops(file.shops() != null ? file.shops() : List.of());
            webhooks = file.webhooks() != null ? file.webhooks() : webhooks;
        }
        String timeout = env.get("SIMULATOR_WEBHOOK_TIMEOUT");
        if (timeout != null && !timeout.isBlank()) {
            webhooks = webhooks.withTimeout(Durations.parse(timeout));
        }
        String interval = env.get("SIMULATOR_WEBHOOK_RETRY_INTERVAL");
        if (interval != null && !interval.isBlank()) {
            webhooks = webhooks.withRetryInterval(Durations.parse(interval));
        }
        if (env.containsKey("SIMULATOR_WEBHOOK_RETRIES")) {
            webhooks = webhooks.withMaxRetries(integer(env, "SIMULATOR_WEBHOOK_RETRIES", 8));
        }
        return config.withWebhooks(webhooks);
    }

    /**
     * Shops from a file ({@code .json}, {@code .yaml}, {@code .yml}) or from JSON given inline (starting with
     * {@code [} or <code>{</code>): a list of shops, or an object with {@code shops} and {@code webhooks}.
     */
    static ShopsFile readShops(String source) {
        try {
            JsonNode tree;
            if (source.startsWith("[") || source.startsWith("{")) {
                tree = Json.MAPPER.readTree(source);
            } else {
                Path path = Path.of(source);
                String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
                ObjectMapper mapper = name.endsWith(".yaml") || name.endsWith(".yml") ? YAML : Json.MAPPER;
                tree = mapper.readTree(Files.readAllBytes(path));
            }
            if (tree != null && tree.isArray()) {
                List<ShopConfig> shops = List.of(Json.MAPPER.treeToValue(tree, ShopConfig[].class));
                return new ShopsFile(shops, null);
            }
            return Json.MAPPER.treeToValue(tree, ShopsFile.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("SIMULATOR_SHOPS cannot be read: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("SIMULATOR_SHOPS cannot be read: " + source, e);
        }
    }

    private static int integer(Map<String, String> env, String name, int otherwise) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not " + value);
        }
    }
}

package io.syncline.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncline.SynclineApplication;
import io.syncline.platform.test.ApiClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What a newcomer gets: no database configured (H2 file under the data directory), no users
 * configured (a generated admin of merchant demo), and an order confirmed end to end.
 */
class EmbeddedDefaultIT {

    @TempDir
    Path dataDir;

    @Test
    void runsOnAnH2FileWithAGeneratedAdminAndKeepsItsDataAcrossRestarts() throws Exception {
        String orderId;
        String password;
        try (ConfigurableApplicationContext app = start()) {
            Path passwordFile = dataDir.resolve("admin-password");
            assertThat(passwordFile).exists();
            password = Files.readString(passwordFile).trim();
            ApiClient admin = new ApiClient(port(app)).login("admin", password);

            assertThat(admin.put("/api/inventory/MUG", Map.of("onHand", 3, "lowStockThreshold", 1, "name", "Mug"))
                            .status())
                    .isEqualTo(201);
            var placed = admin.send(
                    "POST",
                    "/api/orders",
                    Map.of(
                            "channel",
                            "web",
                            "channelOrderId",
                            UUID.randomUUID().toString(),
                            "lines",
                            List.of(Map.of("sku", "MUG", "quantity", 1))),
                    Map.of("Prefer", "wait=10"));
            assertThat(placed.json().get("status").asText()).as(placed.body()).isEqualTo("CONFIRMED");
            orderId = placed.json().get("orderId").asText();
        }
        assertThat(Files.list(dataDir).map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith(".mv.db"));

        try (ConfigurableApplicationContext again = start()) {
            assertThat(Files.readString(dataDir.resolve("admin-password")).trim())
                    .isEqualTo(password);
            ApiClient admin = new ApiClient(port(again)).login("admin", password);
            assertThat(admin.get("/api/orders/" + orderId).json().get("status").asText())
                    .isEqualTo("CONFIRMED");
            assertThat(admin.get("/api/inventory/MUG").json().get("reserved").asInt())
                    .isEqualTo(1);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(SynclineApplication.class)
                .run("--server.port=0", "--syncline.data-dir=" + dataDir);
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}

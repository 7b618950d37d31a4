package io.syncline.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncline.platform.test.ApiClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone as the README runs it: {@code java -jar syncline.jar} with no settings, on H2 under its data
 * directory, as its own process, with its demo: simulated shops whose orders are confirmed and whose stock is
 * pushed within 20 seconds. A stop (SIGTERM) shuts it down gracefully without an error in its log.
 */
class StandaloneJarIT {

    @TempDir
    Path work;

    @Test
    void theJarRunsOnItsDefaultsAndStopsCleanly() throws Exception {
        Path jar = Path.of("target", "syncline.jar").toAbsolutePath();
        assertThat(jar).as("built by the package phase").isRegularFile();
        int port = ServiceProcess.freePort();
        Path log = work.resolve("syncline.log");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-XX:TieredStopAtLevel=1",
                        "-jar",
                        jar.toString())
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        // a newcomer's environment: the jar must turn Axon's update checker off by itself
        builder.environment().keySet().removeIf(name -> name.startsWith("SYNCLINE_") || name.startsWith("AXONIQ_"));
        ServiceProcess app = new ServiceProcess("standalone", builder.start(), port, log);
        try {
            app.awaitReady(System.nanoTime() + TimeUnit.MINUTES.toNanos(3));
            String password = Files.readString(work.resolve("data").resolve("admin-password"))
                    .trim();
            ApiClient admin = new ApiClient(port).login("admin", password);
            long ready = System.nanoTime();

            // demo mode: the simulated shops' orders are confirmed and the stock they moved pushed back to them
            OrderFlowIT.await(
                    () -> admin.get("/api/orders?status=CONFIRMED")
                                            .json()
                                            .get("total")
                                            .asLong()
                                    > 0
                            && pushed(admin, "demo-shopify")
                            && pushed(admin, "demo-tiktok"),
                    "simulated orders confirmed and pushes acknowledged");
            assertThat(Duration.ofNanos(System.nanoTime() - ready))
                    .as("the demo shows within 20 s of the start")
                    .isLessThan(Duration.ofSeconds(20));
            assertThat(admin.get("/api/orders?status=CONFIRMED").body())
                    .containsPattern("\"channel\":\"demo-(shopify|tiktok)\"");
            assertThat(admin.put("/api/inventory/MUG", Map.of("onHand", 3, "lowStockThreshold", 1))
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

            app.process().destroy();
            assertThat(app.process().waitFor(60, TimeUnit.SECONDS))
                    .as("stopped within a minute" + app.tail())
                    .isTrue();
        } finally {
            app.stop();
        }
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).as("a graceful shutdown").anyMatch(l -> l.contains("Graceful shutdown complete"));
        assertThat(lines).as("no errors, also while stopping").noneMatch(l -> l.contains(" ERROR "));
        assertThat(lines)
                .as("the update checker opted out")
                .anyMatch(l -> l.contains("opted out of the AxonIQ UpdateChecker"))
                .noneMatch(l -> l.contains("checked for updates periodically"));
    }

    private static boolean pushed(ApiClient admin, String channel) {
        JsonNode status = admin.get("/api/channels/" + channel + "/status").json();
        return status.hasNonNull("lastPushAt") && status.get("failedPushes").asLong() == 0;
    }
}

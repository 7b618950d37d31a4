package io.syncline.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The distributed topology: inventory, orders and gateway as three processes from their executable
 * jars, talking only through the Axon Server named by {@code SYNCLINE_AXONSERVER} (host:port), each
 * on its own fresh PostgreSQL database. Skipped unless that variable is set; needs
 * {@code ./mvnw -DskipTests package} first for the jars.
 */
@EnabledIfEnvironmentVariable(named = "SYNCLINE_AXONSERVER", matches = ".+")
class DistributedTopologyIT {

    private static final List<String> MODULES = List.of("inventory-service", "orders-service", "gateway");
    private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
    private static final Path WORK = Path.of("target", "distributed-it").toAbsolutePath();
    /** Three JVMs starting at once on a small, busy machine take their time. */
    private static final Duration READY_WITHIN = Duration.ofSeconds(240);
    private static final Duration SETTLED_WITHIN = Duration.ofSeconds(20);
    private static final int LOG_TAIL = 80;

    private static final Map<String, Service> services = new LinkedHashMap<>();
    private static boolean failed;

    @RegisterExtension
    static final TestWatcher FAILURES = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            failed = true;
        }
    };

    private static ApiClient alice;

    @BeforeAll
    static void startServices() throws IOException {
        Map<String, Path> jars = new LinkedHashMap<>();
        for (String module : MODULES) {
            Path jar = executableJar(module);
            assumeTrue(jar != null, () -> "No executable jar in " + ROOT.resolve(module).resolve("target")
                    + ": run ./mvnw -DskipTests package first");
            jars.put(module, jar);
        }
        String axonServer = System.getenv("SYNCLINE_AXONSERVER").strip();
        requireReachable(axonServer);
        Files.createDirectories(WORK);

        for (String module : MODULES) {
            services.put(module, Service.start(module, jars.get(module), axonServer));
        }
        try {
            long deadline = System.nanoTime() + READY_WITHIN.toNanos();
            for (Service service : services.values()) {
                service.awaitReady(deadline);
            }
        } catch (RuntimeException e) {
            failed = true;
            throw e;
        }
        alice = new ApiClient(services.get("gateway").port).login("alice", "secret");
    }

    @AfterAll
    static void stopServices() {
        if (failed) {
            services.values().forEach(Service::dumpLog);
        }
        services.values().forEach(Service::stop);
    }

    @Test
    void confirmsAnOrderAcrossServicesAndRejectsOneThatExceedsStock() {
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String mug = "DT-MUG-" + suffix;
        String cap = "DT-CAP-" + suffix;
        assertThat(putStock(mug, 10).status()).isEqualTo(201);
        assertThat(putStock(cap, 5).status()).isEqualTo(201);

        JsonNode confirmed = placeOrder("dt-" + suffix + "-1", List.of(line(mug, 3), line(cap, 2)));
        assertThat(confirmed.get("status").asText()).as("order %s", confirmed).isEqualTo("CONFIRMED");
        JsonNode mugView = awaitStock(mug, v -> v.get("reserved").asInt() == 3);
        assertThat(mugView.get("onHand").asInt()).isEqualTo(10);
        assertThat(mugView.get("available").asInt()).isEqualTo(7);
        assertThat(awaitStock(cap, v -> v.get("reserved").asInt() == 2).get("available").asInt()).isEqualTo(3);

        // the mug line fits, the cap line does not: the mug's reservation must be given back
        JsonNode rejected = placeOrder("dt-" + suffix + "-2", List.of(line(mug, 1), line(cap, 4)));
        assertThat(rejected.get("status").asText()).as("order %s", rejected).isEqualTo("REJECTED");
        JsonNode order = alice.get("/api/orders/" + rejected.get("orderId").asText()).json();
        assertThat(order.get("reason").asText()).isEqualTo("OUT_OF_STOCK:" + cap);
        // two more events on the mug (its reservation and the release) before it may be judged
        long mugVersion = mugView.get("version").asLong();
        JsonNode mugAfter = awaitStock(mug, v -> v.get("version").asLong() >= mugVersion + 2);
        assertThat(mugAfter.get("reserved").asInt()).as("mug %s", mugAfter).isEqualTo(3);
        assertThat(mugAfter.get("available").asInt()).isEqualTo(7);
        JsonNode capAfter = alice.get("/api/inventory/" + cap).json();
        assertThat(capAfter.get("reserved").asInt()).as("cap %s", capAfter).isEqualTo(2);
        assertThat(capAfter.get("available").asInt()).isEqualTo(3);
    }

    private static ApiClient.Response putStock(String sku, int onHand) {
        return alice.put("/api/inventory/" + sku, Map.of("onHand", onHand, "lowStockThreshold", 1, "name", sku));
    }

    private static Map<String, Object> line(String sku, int quantity) {
        return Map.of("sku", sku, "quantity", quantity);
    }

    /** Places an order and waits for the decision; returns the response body. */
    private static JsonNode placeOrder(String channelOrderId, List<Map<String, Object>> lines) {
        ApiClient.Response r = alice.send("POST", "/api/orders",
                Map.of("channel", "WEB", "channelOrderId", channelOrderId, "lines", lines),
                Map.of("Prefer", "wait=20", "Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(r.status()).as("POST /api/orders: %s", r).isBetween(200, 202);
        return r.json();
    }

    /** The stock view once {@code settled} holds; the read model follows the events shortly after. */
    private static JsonNode awaitStock(String sku, Predicate<JsonNode> settled) {
        long deadline = System.nanoTime() + SETTLED_WITHIN.toNanos();
        JsonNode view;
        do {
            ApiClient.Response r = alice.get("/api/inventory/" + sku);
            assertThat(r.status()).as("GET /api/inventory/%s: %s", sku, r).isEqualTo(200);
            view = r.json();
            if (settled.test(view)) {
                return view;
            }
            sleep(Duration.ofMillis(250));
        } while (System.nanoTime() < deadline);
        throw new AssertionError("stock " + sku + " did not settle within " + SETTLED_WITHIN + ": " + view);
    }

    /** {@code <module>-<version>-exec.jar} in the module's target directory, the newest if several. */
    private static Path executableJar(String module) throws IOException {
        Path target = ROOT.resolve(module).resolve("target");
        if (!Files.isDirectory(target)) {
            return null;
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> {
                        String name = p.getFileName().toString();
                        return name.startsWith(module + "-") && name.endsWith("-exec.jar");
                    })
                    .max(Comparator.comparingLong(p -> p.toFile().lastModified()))
                    .orElse(null);
        }
    }

    private static void requireReachable(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        if (colon < 1) {
            throw new IllegalStateException("SYNCLINE_AXONSERVER must be host:port, not " + hostAndPort);
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(hostAndPort.substring(0, colon),
                    Integer.parseInt(hostAndPort.substring(colon + 1))), 3_000);
        } catch (IOException e) {
            throw new IllegalStateException("No Axon Server answers at " + hostAndPort, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One service process, its port and its log file. */
    private record Service(String module, Process process, int port, Path log) {

        private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

        static Service start(String module, Path jar, String axonServer) throws IOException {
            int port = freePort();
            Path log = WORK.resolve(module + ".log");
            String database = TestDatabases.create("syncline_dist_" + module.replace("-service", ""));
            ProcessBuilder builder = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    // C1 only: these short-lived processes start much faster without the optimising compiler
                    "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
                    .directory(WORK.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("SPRING_PROFILES_ACTIVE", "postgres,axonserver");
            env.put("SERVER_PORT", Integer.toString(port));
            env.put("SYNCLINE_AXONSERVER", axonServer);
            env.put("SYNCLINE_DB_URL", database);
            env.put("SYNCLINE_DB_USER", TestDatabases.USER);
            env.put("SYNCLINE_DB_PASSWORD", TestDatabases.PASSWORD);
            env.put("SYNCLINE_DB_POOL_SIZE", "5");
            env.put("SYNCLINE_DATA_DIR", WORK.resolve(module + "-data").toString());
            env.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
            if (module.equals("gateway")) {
                env.put("SYNCLINE_USERS_0_USERNAME", "alice");
                env.put("SYNCLINE_USERS_0_PASSWORD", "secret");
                env.put("SYNCLINE_USERS_0_MERCHANT", "m1");
                env.put("SYNCLINE_USERS_0_ROLES", "OPERATOR");
            }
            return new Service(module, builder.start(), port, log);
        }

        /** Waits until {@code /actuator/health/readiness} says UP, or fails with the log's tail. */
        void awaitReady(long deadlineNanos) {
            URI readiness = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
            while (System.nanoTime() < deadlineNanos) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(module + " exited with " + process.exitValue() + tail());
                }
                try {
                    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(readiness)
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                        return;
                    }
                } catch (IOException notYetListening) {
                    // starting up
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                sleep(Duration.ofSeconds(1));
            }
            throw new IllegalStateException(module + " not ready within " + READY_WITHIN + tail());
        }

        void dumpLog() {
            System.err.println("=== " + module + " (port " + port + ", " + log + ")" + tail());
        }

        String tail() {
            try {
                // leniently decoded: a half-written last line must not hide the rest
                List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
                return "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL), lines.size()));
            } catch (IOException e) {
                return "\n(no log: " + e.getMessage() + ")";
            }
        }

        void stop() {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}

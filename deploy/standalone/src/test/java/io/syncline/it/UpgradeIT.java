package io.syncline.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.syncline.SynclineApplication;
import io.syncline.api.orders.OrderEvents.OrderRejected;
import io.syncline.platform.test.ApiClient;
import io.syncline.platform.test.TestDatabases;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An installation that upgrades keeps working: the databases under {@code upgrade/} were made by the
 * 0.1.0 release of 2026-12-01 (the standalone, and each service of the distributed topology on its
 * own), before Axon's schema moved to the platform module. The current code starts on each, Flyway
 * accepting what is there, and the standalone still serves the orders and stock it held.
 */
class UpgradeIT {

    private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();

    @Test
    void theStandaloneStartsOnItsEarlierDatabaseAndKeepsItsData() {
        String db = restore("standalone");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SynclineApplication.class)
                .profiles("postgres", "it")
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + db,
                        "--spring.datasource.username=" + TestDatabases.USER,
                        "--spring.datasource.password=" + TestDatabases.PASSWORD)) {
            ApiClient alice = new ApiClient(port(app)).login("alice", "secret");

            // written by the earlier release: a SKU with a confirmed order's reservation
            var mug = alice.get("/api/inventory/UPGRADE-MUG").json();
            assertThat(mug.get("onHand").asInt()).isEqualTo(10);
            assertThat(mug.get("reserved").asInt()).isEqualTo(2);
            var earlier = alice.get("/api/orders?status=CONFIRMED").json().get("items");
            assertThat(earlier).hasSize(1);
            assertThat(earlier.get(0).get("lines").get(0).get("sku").asText()).isEqualTo("UPGRADE-MUG");

            // and it goes on working: the new migrations applied, a new order decided on the old stock
            var placed = OrderFlowIT.placeAndWait(alice, List.of(OrderFlowIT.line("UPGRADE-MUG", 3)));
            assertThat(placed.json().get("status").asText()).as(placed.body()).isEqualTo("CONFIRMED");
            OrderFlowIT.awaitReserved(alice, "UPGRADE-MUG", 5);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("select version from flyway_schema_history where success", String.class))
                    .contains("1.0", "1.1", "5.0");

            // the earlier release's read-model processors handed over to the shared one, which went on from where
            // they were: none of the events they had handled was copied into the event log again
            assertThat(jdbc.queryForList("select distinct processor_name from token_entry", String.class))
                    .contains("projections")
                    .doesNotContain("order-views", "event-log", "live-stream", "stock-levels");
            assertThat(jdbc.queryForObject(
                            "select count(*) from (select 1 from event_log group by aggregate_id, sequence_number"
                                    + " having count(*) > 1) twice",
                            Integer.class))
                    .isZero();
            assertThat(jdbc.queryForObject("select count(*) from event_log", Integer.class))
                    .isGreaterThan(5);

            // an event in the form the earlier release stored reads as today's
            var rejected = OrderFlowIT.placeAndWait(alice, List.of(OrderFlowIT.line("NO-SUCH-SKU", 1)))
                    .json();
            assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
            String orderId = rejected.get("orderId").asText();
            int rewritten = jdbc.update(
                    "update domain_event_entry set payload_revision = null, payload = convert_to(?, 'UTF8')"
                            + " where aggregate_identifier = ? and payload_type = ?",
                    "{\"orderId\":\"" + orderId + "\",\"merchantId\":\"m1\",\"reason\":\"UNKNOWN_SKU:NO-SUCH-SKU\"}",
                    orderId,
                    OrderRejected.class.getName());
            assertThat(rewritten).isEqualTo(1);
            Object last = app.getBean(EventStore.class)
                    .readEvents(orderId)
                    .asStream()
                    .reduce((a, b) -> b)
                    .orElseThrow()
                    .getPayload();
            assertThat(last)
                    .isEqualTo(
                            new OrderRejected(orderId, "m1", "UNKNOWN_SKU:NO-SUCH-SKU", "UNKNOWN_SKU", "NO-SUCH-SKU"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"inventory-service", "orders-service", "gateway"})
    void eachServiceStartsOnItsEarlierDatabase(String module) throws IOException {
        Path jar = ServiceProcess.executableJar(ROOT, module);
        assumeTrue(jar != null, "no executable jar of " + module + ": run the package phase first");
        String db = restore(module);
        Path work = Files.createDirectories(Path.of("target", "upgrade-it").toAbsolutePath());
        ServiceProcess service = ServiceProcess.startOn(module, jar, work, db, Map.of());
        try {
            service.awaitReady(System.nanoTime() + TimeUnit.MINUTES.toNanos(3));
            if (module.equals("gateway")) {
                // its read models' processors of the earlier release handed over to the shared one
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(processors(db))
                        .contains("gateway-projections")
                        .doesNotContain("event-log", "live-stream"));
            }
        } catch (RuntimeException | AssertionError e) {
            service.dumpLog();
            throw e;
        } finally {
            service.stop();
        }
    }

    private static List<String> processors(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, TestDatabases.USER, TestDatabases.PASSWORD);
                Statement s = c.createStatement();
                var rows = s.executeQuery("select distinct processor_name from token_entry")) {
            List<String> names = new ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }

    /** A fresh database holding the dump {@code upgrade/<name>.sql}; returns its URL. */
    private static String restore(String name) {
        String url = TestDatabases.create("syncline_upgrade");
        String script;
        try (InputStream in = UpgradeIT.class.getResourceAsStream("/upgrade/" + name + ".sql")) {
            assertThat(in).as("upgrade/%s.sql", name).isNotNull();
            // psql's own commands (backslash lines) are not SQL
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.startsWith("\\"))
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        try (Connection c = DriverManager.getConnection(url, TestDatabases.USER, TestDatabases.PASSWORD);
                Statement s = c.createStatement()) {
            s.execute(script);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot restore upgrade/" + name + ".sql", e);
        }
        return url;
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}

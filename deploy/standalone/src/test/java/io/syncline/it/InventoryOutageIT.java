package io.syncline.it;

import static io.syncline.it.OrderFlowIT.await;
import static io.syncline.it.OrderFlowIT.awaitReserved;
import static io.syncline.it.OrderFlowIT.awaitStatus;
import static io.syncline.it.OrderFlowIT.line;
import static io.syncline.it.OrderFlowIT.placeAndWait;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncline.api.inventory.StockCommands.CommitStock;
import io.syncline.api.inventory.StockCommands.ReleaseStock;
import io.syncline.api.inventory.StockCommands.ReserveStock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.common.Registration;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The inventory unable to take the saga's commands for a while (as while it restarts and has no
 * handler subscribed): every order is still decided, nothing stays reserved, and an order whose
 * commands keep failing shows as stalled until they go through.
 */
@AutoConfigureObservability(tracing = false)
@TestPropertySource(
        properties = {
            "syncline.orders.fulfilment-timeout=PT3S",
            "syncline.orders.command-retry.initial-interval=PT0.5S",
            "syncline.orders.command-retry.stall-after=2"
        })
class InventoryOutageIT extends StandaloneIntegrationTest {

    @Autowired
    private CommandBus commandBus;

    @Autowired
    private JdbcTemplate jdbc;

    private final Outage outage = new Outage();
    private Registration registration;

    @BeforeEach
    void interceptInventoryCommands() {
        registration = commandBus.registerHandlerInterceptor(outage);
    }

    @AfterEach
    void removeInterceptor() {
        registration.cancel();
    }

    @Test
    void briefFailuresOfReservationAndCommitAreRetriedAndTheOrderGoesThrough() {
        String sku = sku("BRIEF");
        putStock(sku, 5);
        outage.failNext(ReserveStock.class, 2);
        outage.failNext(CommitStock.class, 2);

        JsonNode order = place(sku, 2);
        assertThat(order.get("status").asText()).as("order %s", order).isEqualTo("CONFIRMED");
        assertThat(outage.failures(ReserveStock.class)).isEqualTo(2);
        awaitReserved(alice, sku, 2);

        String orderId = order.get("orderId").asText();
        assertThat(alice.post("/api/orders/" + orderId + "/shipment", Map.of()).status())
                .isEqualTo(202);
        await(() -> OrderFlowIT.level(alice, sku).get("onHand").asInt() == 3, sku + " deducted");
        assertThat(OrderFlowIT.level(alice, sku).get("reserved").asInt()).isZero();
        assertThat(outage.failures(CommitStock.class)).isEqualTo(2);
        awaitSagaEnded(orderId);
    }

    @Test
    void releasesFailingThroughTheRetriesShowTheOrderStalledUntilTheyGoThrough() {
        String cup = sku("CUP");
        String plate = sku("PLATE");
        putStock(cup, 5);
        putStock(plate, 0);
        outage.down(ReleaseStock.class);

        // the cup is reserved, the plate is short: the order is rejected and the cup must be given back
        JsonNode order = place(List.of(line(cup, 1), line(plate, 1)));
        String orderId = order.get("orderId").asText();
        assertThat(awaitStatus(alice, orderId, "REJECTED").get("reason").asText())
                .isEqualTo("OUT_OF_STOCK:" + plate);
        await(() -> alice.get("/api/orders/" + orderId).json().path("stalled").asBoolean(), orderId + " stalled");

        JsonNode stalled = alice.get("/api/orders/" + orderId).json();
        assertThat(stalled.get("stallReason").asText()).contains("ReleaseStock");
        assertThat(orderIds(alice.get("/api/orders?stalled=true").json())).contains(orderId);
        assertThat(orderIds(alice.get("/api/orders?stalled=true").json()))
                .as("only stalled ones")
                .doesNotContain(place(cup, 1).get("orderId").asText());
        assertThat(OrderFlowIT.level(alice, cup).get("reserved").asInt())
                .as("held while the release fails")
                .isEqualTo(2);
        assertThat(prometheus())
                .containsPattern("syncline_orders_fulfilment_stalls_total\\{[^}]*} [1-9]")
                .containsPattern("syncline_orders_stalled\\{[^}]*} [1-9]")
                .containsPattern("syncline_orders_fulfilment_command_failures_total\\{[^}]*command=\"ReleaseStock\"");

        outage.up(ReleaseStock.class);
        await(() -> !alice.get("/api/orders/" + orderId).json().path("stalled").asBoolean(), orderId + " resumed");
        awaitReserved(alice, cup, 1);
        assertThat(alice.get("/api/orders/" + orderId).json().get("status").asText())
                .isEqualTo("REJECTED");
        awaitSagaEnded(orderId);
    }

    @Test
    void anInventoryDownPastTheTimeoutRejectsTheOrderAndHoldsNothingOnceBack() {
        String sku = sku("DOWN");
        putStock(sku, 5);
        outage.down(ReserveStock.class);
        outage.down(ReleaseStock.class);

        JsonNode order = place(sku, 1);
        String orderId = order.get("orderId").asText();
        assertThat(awaitStatus(alice, orderId, "REJECTED").get("reason").asText())
                .isEqualTo("TIMEOUT");

        outage.up(ReserveStock.class);
        outage.up(ReleaseStock.class);
        // the release voids the reservation that never arrived: the saga is done, nothing is held
        awaitSagaEnded(orderId);
        JsonNode level = OrderFlowIT.level(alice, sku);
        assertThat(level.get("reserved").asInt()).isZero();
        assertThat(level.get("available").asInt()).isEqualTo(5);
        assertThat(outage.failures(ReserveStock.class)).isGreaterThan(0);
    }

    private void awaitSagaEnded(String orderId) {
        await(
                () -> jdbc.queryForObject(
                                "select count(*) from association_value_entry where association_value = ?",
                                Integer.class,
                                orderId)
                        == 0,
                "fulfilment of " + orderId + " ended");
    }

    private static String sku(String name) {
        return "OUT-" + name + "-"
                + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private void putStock(String sku, int onHand) {
        var r = alice.put("/api/inventory/" + sku, Map.of("onHand", onHand, "lowStockThreshold", 0));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private JsonNode place(String sku, int quantity) {
        return place(List.of(line(sku, quantity)));
    }

    private JsonNode place(List<Map<String, Object>> lines) {
        return placeAndWait(alice, lines).json();
    }

    private static List<String> orderIds(JsonNode page) {
        return StreamSupport.stream(page.get("items").spliterator(), false)
                .map(o -> o.get("orderId").asText())
                .toList();
    }

    private String prometheus() {
        var r = client().get("/actuator/prometheus");
        assertThat(r.status()).isEqualTo(200);
        return r.body();
    }

    /** Fails inventory commands as a missing handler would: the next n of a type, or all while down. */
    private static final class Outage implements MessageHandlerInterceptor<CommandMessage<?>> {

        private final Map<Class<?>, AtomicInteger> toFail = new ConcurrentHashMap<>();
        private final Set<Class<?>> down = ConcurrentHashMap.newKeySet();
        private final Map<Class<?>, AtomicInteger> failed = new ConcurrentHashMap<>();

        void failNext(Class<?> command, int times) {
            toFail.put(command, new AtomicInteger(times));
        }

        void down(Class<?> command) {
            down.add(command);
        }

        void up(Class<?> command) {
            down.remove(command);
        }

        int failures(Class<?> command) {
            return failed.getOrDefault(command, new AtomicInteger()).get();
        }

        @Override
        public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
                throws Exception {
            Class<?> type = unitOfWork.getMessage().getPayloadType();
            AtomicInteger next = toFail.get(type);
            if (down.contains(type) || (next != null && next.getAndUpdate(n -> Math.max(n - 1, 0)) > 0)) {
                failed.computeIfAbsent(type, t -> new AtomicInteger()).incrementAndGet();
                throw new NoHandlerForCommandException("No handler was subscribed for command " + type.getName());
            }
            return chain.proceed();
        }
    }
}

package io.syncline.orders.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.syncline.api.common.ErrorCode;
import io.syncline.api.common.ErrorDetails;
import io.syncline.api.common.Refusals;
import io.syncline.api.orders.OrderCommands.PlaceOrder;
import io.syncline.api.orders.OrderLine;
import io.syncline.orders.OrdersConfiguration;
import io.syncline.orders.support.OrdersJpaTest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Placing orders through Axon wired as in the service: the lookup written by the subscribing
 * {@code channel-order-keys} processor in the command's transaction. Only the event store is in memory.
 */
@OrdersJpaTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class PlaceOrderRaceTest {

    private static final List<OrderLine> LINES = List.of(new OrderLine("TEA", 1));

    @Autowired
    private ChannelOrderKeyRepository keys;

    @Autowired
    private PlatformTransactionManager transactionManager;

    private Configuration axon;
    private CommandGateway commands;

    @BeforeEach
    void startAxon() {
        var recorder = new ChannelOrderKeyRecorder(keys, transactionManager);
        // false: no module discovery, so local buses instead of Axon Server
        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(c -> JacksonSerializer.defaultSerializer())
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureTransactionManager(c -> new SpringTransactionManager(transactionManager))
                .configureAggregate(Order.class)
                .registerCommandHandler(c -> new PlaceOrderHandler(c.repository(Order.class), keys));
        configurer.eventProcessing().registerEventHandler(c -> recorder);
        new OrdersConfiguration().channelOrderKeysProcessor().configureModule(configurer);
        axon = configurer.start();
        commands = axon.commandGateway();
    }

    @AfterEach
    void stopAxon() {
        axon.shutdown();
        keys.deleteAllInBatch();
    }

    private static PlaceOrder place(String orderId, String channelOrderId) {
        return new PlaceOrder(orderId, "acme", "shopify", channelOrderId, LINES);
    }

    @Test
    void answersTheOrderIdAndRecordsTheChannelOrder() {
        Object placed = commands.sendAndWait(place("order-1", "1001"));

        assertThat(placed).isEqualTo("order-1");
        assertThat(keys.findOrderId("acme", "shopify", "1001")).contains("order-1");
    }

    @Test
    void refusesKnownChannelOrderNamingTheExistingOrder() {
        commands.sendAndWait(place("order-1", "1001"));

        Throwable refused = catchThrowable(() -> commands.sendAndWait(place("order-2", "1001")));

        assertThat(Refusals.detailsOf(refused)).map(ErrorDetails::reference).contains("order-1");
        assertThat(Refusals.detailsOf(refused)).map(ErrorDetails::code).contains(ErrorCode.DUPLICATE);
        assertThat(keys.findAll()).extracting(ChannelOrderKey::orderId).containsExactly("order-1");
    }

    @Test
    void ofTwoRacingPlacementsOnlyOneSucceeds() throws Exception {
        var firstPlaced = new CountDownLatch(1);
        var firstMayCommit = new CountDownLatch(1);
        // the first placement is held uncommitted, so the second one passes the lookup as well
        CompletableFuture<Void> first = CompletableFuture.runAsync(
                () -> new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
                    commands.sendAndWait(place("order-1", "1001"));
                    firstPlaced.countDown();
                    await(firstMayCommit);
                }));
        assertThat(firstPlaced.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Object> second =
                CompletableFuture.supplyAsync(() -> commands.sendAndWait(place("order-2", "1001")));
        Thread.sleep(300);
        assertThat(second).as("past the lookup, waiting on the unique key").isNotDone();
        firstMayCommit.countDown();
        first.get(10, TimeUnit.SECONDS);

        Throwable refused = catchThrowable(() -> second.get(10, TimeUnit.SECONDS));
        assertThat(refused).isNotNull();
        assertThat(Refusals.detailsOf(refused)).map(ErrorDetails::reference).contains("order-1");
        assertThat(keys.findAll()).extracting(ChannelOrderKey::orderId).containsExactly("order-1");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

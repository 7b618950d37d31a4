package io.syncline.orders.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.syncline.api.common.ErrorCode;
import io.syncline.api.common.Refusals;
import io.syncline.api.orders.OrderEvents.OrderPlaced;
import io.syncline.api.orders.OrderLine;
import io.syncline.orders.support.OrdersJpaTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The lookup table and its unique key on H2, migrated by Flyway. */
@OrdersJpaTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class ChannelOrderKeyRepositoryTest {

    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

    @Autowired
    private ChannelOrderKeyRepository keys;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @AfterEach
    void cleanUp() {
        keys.deleteAllInBatch();
    }

    private static OrderPlaced placed(String orderId, String merchantId, String channelOrderId) {
        return new OrderPlaced(orderId, merchantId, "shopify", channelOrderId, List.of(new OrderLine("TEA", 1)), NOW);
    }

    @Test
    void findsTheOrderOfAChannelOrder() {
        keys.saveAndFlush(new ChannelOrderKey("order-1", "acme", "shopify", "1001", NOW));

        assertThat(keys.findOrderId("acme", "shopify", "1001")).contains("order-1");
        assertThat(keys.findOrderId("acme", "tiktok", "1001")).isEmpty();
        assertThat(keys.findOrderId("globex", "shopify", "1001")).isEmpty();
    }

    @Test
    void refusesSecondRowForSameChannelOrder() {
        new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
            keys.saveAndFlush(new ChannelOrderKey("order-1", "acme", "shopify", "1001", NOW));
            assertThatThrownBy(() -> keys.saveAndFlush(new ChannelOrderKey("order-2", "acme", "shopify", "1001", NOW)))
                    .isInstanceOf(DataIntegrityViolationException.class);
            tx.setRollbackOnly();
        });
    }

    @Test
    void neverMergesOverAnExistingRow() {
        keys.saveAndFlush(new ChannelOrderKey("order-1", "acme", "shopify", "1001", NOW));

        assertThatThrownBy(() -> keys.saveAndFlush(new ChannelOrderKey("order-1", "acme", "shopify", "1002", NOW)))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(keys.findOrderId("acme", "shopify", "1001")).contains("order-1");
    }

    @Test
    void sameChannelOrderIdOfAnotherMerchantIsAnotherOrder() {
        var recorder = new ChannelOrderKeyRecorder(keys, transactionManager);
        recorder.on(placed("order-1", "acme", "1001"));
        recorder.on(placed("order-2", "globex", "1001"));

        assertThat(keys.count()).isEqualTo(2);
    }

    @Test
    void recorderRefusesSecondOrderForChannelOrderNamingTheFirst() {
        var recorder = new ChannelOrderKeyRecorder(keys, transactionManager);
        var inTransaction = new TransactionTemplate(transactionManager);
        inTransaction.executeWithoutResult(tx -> recorder.on(placed("order-1", "acme", "1001")));

        Throwable refused = catchThrowable(
                () -> inTransaction.executeWithoutResult(tx -> recorder.on(placed("order-2", "acme", "1001"))));

        assertThat(Refusals.detailsOf(refused)).hasValueSatisfying(details -> {
            assertThat(details.code()).isEqualTo(ErrorCode.DUPLICATE);
            assertThat(details.reference()).isEqualTo("order-1");
        });
        assertThat(keys.findAll()).extracting(ChannelOrderKey::orderId).containsExactly("order-1");
    }
}

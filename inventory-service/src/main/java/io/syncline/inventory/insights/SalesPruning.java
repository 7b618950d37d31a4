package io.syncline.inventory.insights;

import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.annotation.Transactional;

/** Sales older than the velocity's longest window are forgotten each hour; their days stay counted. */
@Configuration
@EnableScheduling
class SalesPruning {

    private final SalesBook book;

    SalesPruning(SalesBook book) {
        this.book = book;
    }

    @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT1H")
    @Transactional
    public void prune() {
        book.prune(GenericEventMessage.clock.instant().minus(SalesProjection.RETENTION));
    }
}

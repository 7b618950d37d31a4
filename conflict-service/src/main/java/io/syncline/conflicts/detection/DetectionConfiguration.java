package io.syncline.conflicts.detection;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.async.SequentialPolicy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of detection: its events are handled strictly in order, and its settle timer is a persistent task. */
@Configuration
class DetectionConfiguration {

    @Autowired
    void detectInOrder(EventProcessingConfigurer processing) {
        // one cause, one open conflict: never two reports of a cause judged at the same time
        processing.registerSequencingPolicy(ConflictDetection.PROCESSING_GROUP, c -> new SequentialPolicy());
    }

    @Bean
    OneTimeTask<Void> conflictSettleTask(SuspectSettler settler) {
        return settleTask(settler);
    }

    static OneTimeTask<Void> settleTask(SuspectSettler settler) {
        return Tasks.oneTime(SettleTimer.TASK).execute((instance, context) -> settler.settle(instance.getId()));
    }
}

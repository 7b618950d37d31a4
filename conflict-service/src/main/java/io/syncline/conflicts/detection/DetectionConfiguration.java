package io.syncline.conflicts.detection;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.async.SequentialPolicy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wiring of detection: its events are handled strictly in order, its progress is followed, and its settle timer is a
 * persistent task.
 */
@Configuration
class DetectionConfiguration {

    @Autowired
    void detectInOrder(EventProcessingConfigurer processing) {
        // one cause, one open conflict: never two reports of a cause judged at the same time
        processing.registerSequencingPolicy(ConflictDetection.PROCESSING_GROUP, c -> new SequentialPolicy());
    }

    @Autowired
    void followProgress(EventProcessingConfigurer processing, DetectionProgress progress) {
        processing.registerHandlerInterceptor(ConflictDetection.PROCESSING_GROUP, c -> progress.interceptor());
    }

    @Bean
    CustomTask<Void> conflictSettleTask(SuspectSettler settler) {
        return settleTask(settler);
    }

    /** One instance per report; done once settled, or due again while the suspect waits on. */
    static CustomTask<Void> settleTask(SuspectSettler settler) {
        return Tasks.custom(SettleTimer.TASK, Void.class).execute((instance, context) -> settler.settle(
                        instance.getId())
                .<CompletionHandler<Void>>map(at -> (complete, operations) -> operations.reschedule(complete, at))
                .orElseGet(CompletionHandler.OnCompleteRemove::new));
    }
}

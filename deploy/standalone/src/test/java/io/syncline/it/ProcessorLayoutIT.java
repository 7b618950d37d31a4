package io.syncline.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The standalone's event processors as its settings lay them out, and what each one's handlers are wrapped in. */
class ProcessorLayoutIT extends StandaloneIntegrationTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void theReadModelsShareOneProcessorBesideTheSagaTheConflictWorkAndTheInsights() {
        assertThat(processing.eventProcessors().keySet())
                .containsExactlyInAnyOrder(
                        "projections",
                        // its own, so that it learns from the whole stored history when it is first started
                        "insights",
                        "OrderFulfilmentSagaProcessor",
                        "conflict-detection",
                        "conflict-resolution",
                        "channel-order-keys");
        assertThat(processing.eventProcessor("projections", TrackingEventProcessor.class))
                .isPresent();
        assertThat(processing.eventProcessor("insights", TrackingEventProcessor.class))
                .isPresent();
        // the channel-order key is written in the placing command's transaction, so a duplicate fails the command
        assertThat(processing.eventProcessor("channel-order-keys", SubscribingEventProcessor.class))
                .isPresent();
    }

    @Test
    void onlyDetectionFollowsItsOwnProgress() {
        assertThat(detectionInterceptors("conflict-detection")).hasSize(1);
        for (String other : List.of("projections", "insights", "OrderFulfilmentSagaProcessor", "conflict-resolution")) {
            assertThat(detectionInterceptors(other)).as(other).isEmpty();
        }
    }

    private List<MessageHandlerInterceptor<? super EventMessage<?>>> detectionInterceptors(String processor) {
        return processing.interceptorsFor(processor).stream()
                .filter(i -> i.getClass().getName().startsWith("io.syncline.conflicts.detection.DetectionProgress"))
                .toList();
    }
}

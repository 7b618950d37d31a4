package io.syncline.conflicts.detection;

import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * How far detection has come in the event stream. A settle time is judged by our books as the events published up to
 * it left them: while detection still works through older events (under load, after a restart), it is not yet.
 * <p>
 * Not itself an interceptor: Axon puts every interceptor bean on every event processor, and then the events of
 * the other processors would count as detection's.
 */
@Component
class DetectionProgress {

    /** The newest timestamp of an event detection handled and committed, on this instance. */
    private final AtomicReference<Instant> handled = new AtomicReference<>(Instant.MIN);

    private final BooleanSupplier caughtUp;

    @Autowired
    DetectionProgress(ObjectProvider<EventProcessingConfiguration> processing, ObjectProvider<EventStore> store) {
        this(() -> caughtUp(processing.getObject(), store.getObject()));
    }

    /** With {@code caughtUp} telling whether detection has handled every event stored so far. */
    DetectionProgress(BooleanSupplier caughtUp) {
        this.caughtUp = caughtUp;
    }

    /** The interceptor that follows detection's processor: an event counts once its batch has committed. */
    MessageHandlerInterceptor<EventMessage<?>> interceptor() {
        return this::follow;
    }

    private Object follow(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Instant at = unitOfWork.getMessage().getTimestamp();
        Object result = chain.proceed();
        unitOfWork.afterCommit(u -> handled(at));
        return result;
    }

    /** Detection handled an event of this time. */
    void handled(Instant at) {
        handled.accumulateAndGet(at, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Whether detection has handled the events published up to {@code moment}, as far as this instance can tell. */
    boolean through(Instant moment) {
        return !handled.get().isBefore(moment) || caughtUp.getAsBoolean();
    }

    /**
     * Whether detection's segments here have reached the head of the event stream; true when it runs on another
     * instance, whose progress this one does not see (it does not hold the settle back then).
     */
    private static boolean caughtUp(EventProcessingConfiguration processing, EventStore store) {
        Map<Integer, EventTrackerStatus> segments = processing
                .eventProcessor(ConflictDetection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::processingStatus)
                .orElse(Map.of());
        if (segments.isEmpty()) {
            return true;
        }
        TrackingToken headToken = store.createHeadToken();
        OptionalLong head = headToken == null ? OptionalLong.empty() : headToken.position();
        if (head.isEmpty()) {
            return true;
        }
        return segments.values().stream().allMatch(s -> {
            OptionalLong at = s.getCurrentPosition();
            return at.isPresent() && at.getAsLong() >= head.getAsLong();
        });
    }
}

package io.syncline.conflicts.detection;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import io.syncline.api.channels.ChannelQueries.FindOrderDeliveryBacklog;
import io.syncline.api.channels.ChannelQueries.OrderDeliveryBacklog;
import io.syncline.api.common.Refusals;
import io.syncline.conflicts.ConflictsProperties;
import io.syncline.conflicts.conflict.ConflictWork.ApplyRule;
import io.syncline.conflicts.conflict.ConflictWork.DetectConflict;
import io.syncline.conflicts.conflict.ConflictWork.ReportConflictAgain;
import io.syncline.conflicts.rules.ConflictRuleStore;
import io.syncline.conflicts.support.ConflictsDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * Detection as the service wires it, on a real database and a real db-scheduler, sending to a command bus that
 * records what it is sent (the Conflict aggregate is not part of these tests): a second DetectConflict of an id is
 * refused as a duplicate, as the aggregate's event stream would refuse it.
 */
final class Detection implements AutoCloseable {

    final ConflictsDatabase db;
    final List<Object> sent = new CopyOnWriteArrayList<>();
    private final Set<String> created = ConcurrentHashMap.newKeySet();
    private final AnnotationEventHandlerAdapter handlers;
    private final Scheduler scheduler;

    /** What the stand-in gateway answers: the channel's order deliveries not attempted yet. */
    final AtomicInteger pendingOrders = new AtomicInteger();
    /** And those failed, to be tried again. */
    final AtomicInteger retryingOrders = new AtomicInteger();
    /** How often the stand-in gateway was asked. */
    final AtomicInteger backlogAsked = new AtomicInteger();
    /** Whether detection has reached the head of the event stream, as its processor would say. */
    final AtomicBoolean caughtUp = new AtomicBoolean(true);

    private final DetectionProgress progress = new DetectionProgress(caughtUp::get);

    Detection(ConflictsDatabase db, Duration settleAfter, boolean timerRunning) {
        this(db, settleAfter, ConflictsProperties.DEFAULTS.settleAtMost(), timerRunning);
    }

    Detection(ConflictsDatabase db, Duration settleAfter, Duration settleAtMost, boolean timerRunning) {
        this.db = db;
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(DetectConflict.class.getName(), this::detect);
        bus.subscribe(ReportConflictAgain.class.getName(), this::record);
        bus.subscribe(ApplyRule.class.getName(), this::record);
        var commands = DefaultCommandGateway.builder().commandBus(bus).build();
        Causes causes = new Causes(db.jdbc, db.json);
        Suspects suspects = new Suspects(db.jdbc);
        ConflictOpener opener = new ConflictOpener(causes, new ConflictRuleStore(db.jdbc, db.json), commands);
        Books books = new Books(db.jdbc, db.json);
        ConflictsProperties properties =
                new ConflictsProperties(ConflictsProperties.DEFAULTS.escalateAfter(), settleAfter, settleAtMost);
        Explanations explanations = new Explanations(causes, books, new OwnOrders(db.jdbc, db.json), properties);
        SimpleQueryBus queries = SimpleQueryBus.builder().build();
        queries.subscribe(FindOrderDeliveryBacklog.class.getName(), OrderDeliveryBacklog.class, query -> {
            backlogAsked.incrementAndGet();
            return new OrderDeliveryBacklog(pendingOrders.get(), retryingOrders.get());
        });
        ChannelBacklog backlog = new ChannelBacklog(
                DefaultQueryGateway.builder().queryBus(queries).build());
        SuspectSettler settler =
                new SuspectSettler(suspects, explanations, opener, db.transactions, progress, backlog, properties);
        scheduler = Scheduler.create(db.dataSource, DetectionConfiguration.settleTask(settler))
                .tableName("scheduled_tasks")
                .pollingInterval(Duration.ofMillis(50))
                .threads(1)
                .build();
        if (timerRunning) {
            scheduler.start();
        }
        var beans = new StaticListableBeanFactory(Map.of("scheduler", scheduler));
        SettleTimer timer = new SettleTimer(beans.getBeanProvider(SchedulerClient.class));
        handlers = new AnnotationEventHandlerAdapter(
                new ConflictDetection(causes, suspects, books, opener, timer, explanations, properties));
    }

    private Object detect(CommandMessage<?> command) {
        DetectConflict detect = (DetectConflict) command.getPayload();
        if (!created.add(detect.conflictId())) {
            throw Refusals.duplicate("conflict " + detect.conflictId() + " exists", detect.conflictId());
        }
        return record(command);
    }

    private Object record(CommandMessage<?> command) {
        sent.add(command.getPayload());
        return null;
    }

    /** Handles an event with a new id, taken now. */
    String handle(Object event) {
        String id = UUID.randomUUID().toString();
        handle(id, event, Instant.now());
        return id;
    }

    /** Handles an event as delivered with this id and timestamp (the same twice: a redelivery). */
    void handle(String id, Object event, Instant at) {
        db.handle(handlers, new GenericEventMessage<>(id, event, Map.of(), at));
        progress.handled(at);
    }

    <T> List<T> sent(Class<T> type) {
        return sent.stream().filter(type::isInstance).map(type::cast).toList();
    }

    long pendingTimers() {
        return db.count("select count(*) from scheduled_tasks where task_name = ?", SettleTimer.TASK);
    }

    @Override
    public void close() {
        scheduler.stop();
    }
}

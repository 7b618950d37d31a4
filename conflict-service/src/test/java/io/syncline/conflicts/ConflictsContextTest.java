package io.syncline.conflicts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.syncline.api.common.ErrorCode;
import io.syncline.api.common.ErrorDetails;
import io.syncline.api.common.Refusals;
import io.syncline.api.conflicts.ConflictCommands.ResolveConflict;
import io.syncline.api.conflicts.ConflictEvents.ConflictDetected;
import io.syncline.api.conflicts.ConflictEvents.ConflictEscalated;
import io.syncline.api.conflicts.ConflictEvents.ConflictResolutionStarted;
import io.syncline.api.conflicts.ConflictEvents.ConflictResolved;
import io.syncline.api.conflicts.Resolution;
import io.syncline.conflicts.conflict.ConflictWork.DetectConflict;
import io.syncline.conflicts.support.Conflicts;
import io.syncline.platform.deadlines.FiringTolerantDeadlineManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The service as its executable starts it (H2 with the schema from Flyway, Axon's local buses), on its own:
 * conflicts are detected, escalation is a persisted deadline, and a decision is stored through Jackson.
 */
@Tag("spring-context")
@SpringBootTest(
        classes = ConflictsApplication.class,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:conflicts-context;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE",
            "syncline.conflicts.escalate-after=2s"
        })
class ConflictsContextTest {

    @Autowired
    private CommandGateway commands;

    @Autowired
    private EventStore events;

    @Autowired
    private DeadlineManager deadlines;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void detectsOnceSchedulesItsEscalationAndResolves() {
        DetectConflict detect = Conflicts.duplicateOrder("ctx-1", "o-ctx");

        send(detect);

        assertThat(deadlines).isInstanceOf(FiringTolerantDeadlineManager.class);
        assertThat(jdbc.queryForObject(
                        "select count(*) from scheduled_tasks where task_data is not null", Integer.class))
                .isPositive();
        assertThat(refusal(detect)).isEqualTo(ErrorCode.DUPLICATE);

        send(new ResolveConflict("ctx-1", Conflicts.MERCHANT, "r-1", Resolution.KEEP_OURS, null, "seen", "alice"));

        // its effect is applied by the service's own processor, after the decision
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(payloads("ctx-1"))
                .hasExactlyElementsOfTypes(
                        ConflictDetected.class, ConflictResolutionStarted.class, ConflictResolved.class)
                .first()
                .isEqualTo(Conflicts.detected(detect)));
        assertThat(refusal(new ResolveConflict(
                        "ctx-1", Conflicts.MERCHANT, "r-2", Resolution.KEEP_OURS, null, null, "bob")))
                .isEqualTo(ErrorCode.CONFLICT);
        // its deadline fires and finds nothing to do
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.queryForObject("select count(*) from scheduled_tasks", Integer.class) == 0);
        assertThat(payloads("ctx-1")).hasSize(3);
    }

    @Test
    void aConflictLeftOpenEscalatesFromThePersistedDeadline() {
        DetectConflict detect = Conflicts.stockMismatch("ctx-2", 5, 9);

        send(detect);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(payloads("ctx-2"))
                .hasExactlyElementsOfTypes(ConflictDetected.class, ConflictEscalated.class));
    }

    private List<Object> payloads(String conflictId) {
        return events.readEvents(conflictId)
                .asStream()
                .<Object>map(EventMessage::getPayload)
                .toList();
    }

    private void send(Object command) {
        commands.sendAndWait(command, 10, TimeUnit.SECONDS);
    }

    private ErrorCode refusal(Object command) {
        return Refusals.detailsOf(catchThrowable(() -> send(command)))
                .map(ErrorDetails::code)
                .orElse(null);
    }
}

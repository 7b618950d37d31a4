package io.syncline.conflicts.detection;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Schedules the settle check of a suspect as a db-scheduler task ({@value #TASK}, one instance per report, named by
 * the report's event id), stored in {@code scheduled_tasks}: a restart loses no suspect.
 */
@Component
class SettleTimer {

    static final String TASK = "conflict-settle";

    // the scheduler is built from the task beans, the settle task among them: looked up when first needed
    private final ObjectProvider<SchedulerClient> scheduler;

    SettleTimer(ObjectProvider<SchedulerClient> scheduler) {
        this.scheduler = scheduler;
    }

    /** In the caller's transaction (db-scheduler's data source takes part in Spring's transactions). */
    void schedule(String reportId, Instant at) {
        scheduler.getObject().scheduleIfNotExists(new TaskInstance<Void>(TASK, reportId), at);
    }
}

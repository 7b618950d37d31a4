package io.syncline.platform.deadlines;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.ExecutionException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Axon's db-scheduler deadline manager, except that cancelling a deadline which is firing at that moment is not an
 * error. db-scheduler refuses to cancel a picked task, so a saga cancelling its timeout while the timeout fires
 * failed its whole unit of work and sent its processor into retry mode. A deadline that fires is past cancelling:
 * its handler runs after the unit of work that cancelled it (they share the saga's or aggregate's lock) and sees
 * the state that unit of work left, as if it had fired just before it.
 */
public class FiringTolerantDeadlineManager extends DbSchedulerDeadlineManager {

    private static final Logger log = LoggerFactory.getLogger(FiringTolerantDeadlineManager.class);

    private final Scheduler scheduler;

    /** The {@code builder} must carry {@code scheduler}. */
    public FiringTolerantDeadlineManager(Builder builder, Scheduler scheduler) {
        super(builder.scheduler(scheduler));
        this.scheduler = scheduler;
    }

    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        runOnPrepareCommitOrNow(() -> cancel(deadlineName, scheduleId));
    }

    private void cancel(String deadlineName, String scheduleId) {
        try {
            scheduler.cancel(new DbSchedulerDeadlineToken(scheduleId));
        } catch (TaskInstanceCurrentlyExecutingException e) {
            log.debug("Deadline {} [{}] is firing; it is past cancelling", deadlineName, scheduleId);
        } catch (TaskInstanceNotFoundException e) {
            log.debug("Deadline {} [{}] has fired or was cancelled already", deadlineName, scheduleId);
        } catch (ExecutionException e) {
            // picked between db-scheduler's read and its delete (the row's version moved): firing, as above
            log.debug(
                    "Deadline {} [{}] was picked while being cancelled: {}", deadlineName, scheduleId, e.getMessage());
        }
    }
}

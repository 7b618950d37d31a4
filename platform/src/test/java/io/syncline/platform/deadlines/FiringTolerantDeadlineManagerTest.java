package io.syncline.platform.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import io.syncline.platform.test.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.ScopeAware;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.saga.SagaScopeDescriptor;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** Real db-scheduler on PostgreSQL: a deadline cancelled while it fires, and one cancelled before. */
class FiringTolerantDeadlineManagerTest {

    private static final ScopeDescriptor SCOPE = new SagaScopeDescriptor("TestSaga", "saga-1");

    private final AtomicInteger fired = new AtomicInteger();
    private final CountDownLatch firing = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicReference<FiringTolerantDeadlineManager> tolerant = new AtomicReference<>();
    private PGSimpleDataSource dataSource;
    private Scheduler scheduler;
    private DbSchedulerDeadlineManager plain;

    @BeforeEach
    void scheduler() throws Exception {
        dataSource = new PGSimpleDataSource();
        dataSource.setURL(TestDatabases.create("deadlines"));
        dataSource.setUser(TestDatabases.USER);
        dataSource.setPassword(TestDatabases.PASSWORD);
        String table = new String(
                        getClass()
                                .getResourceAsStream("/db/platform/deadlines/V1_1__deadline_scheduler.sql")
                                .readAllBytes(),
                        StandardCharsets.UTF_8)
                .replace("${binaryType}", "BYTEA");
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute(table);
        }
        scheduler = Scheduler.create(dataSource, DbSchedulerDeadlineManager.binaryTask(tolerant::get))
                .pollingInterval(Duration.ofMillis(50))
                .threads(2)
                .build();
        DbSchedulerDeadlineManager.Builder builder = DbSchedulerDeadlineManager.builder()
                .scopeAwareProvider(this::handlers)
                .serializer(JacksonSerializer.defaultSerializer())
                .startScheduler(false)
                .stopScheduler(false);
        tolerant.set(new FiringTolerantDeadlineManager(builder, scheduler));
        plain = DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(this::handlers)
                .serializer(JacksonSerializer.defaultSerializer())
                .startScheduler(false)
                .stopScheduler(false)
                .build();
        scheduler.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        scheduler.stop();
    }

    @Test
    void aDeadlineCancelledWhileItFiresCommitsTheCancellingUnitOfWorkAndFiresOnce() throws Exception {
        String id = tolerant.get().schedule(Instant.now(), "timeout", null, SCOPE);
        assertThat(firing.await(30, TimeUnit.SECONDS)).as("the deadline firing").isTrue();

        // Axon's own manager fails the unit of work: the bug this class exists for
        UnitOfWork<?> withPlain = DefaultUnitOfWork.startAndGet(null);
        plain.cancelSchedule("timeout", id);
        assertThatThrownBy(withPlain::commit).isInstanceOf(TaskInstanceCurrentlyExecutingException.class);

        UnitOfWork<?> withTolerant = DefaultUnitOfWork.startAndGet(null);
        tolerant.get().cancelSchedule("timeout", id);
        assertThatCode(withTolerant::commit).doesNotThrowAnyException();

        release.countDown();
        awaitNoTasks();
        assertThat(fired).hasValue(1);
    }

    @Test
    void aDeadlineCancelledBeforeItIsDueNeverFiresAndCancellingAgainIsNoError() throws Exception {
        String id = tolerant.get().schedule(Instant.now().plusSeconds(3600), "timeout", null, SCOPE);
        assertThat(tasks()).isEqualTo(1);

        UnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(null);
        tolerant.get().cancelSchedule("timeout", id);
        uow.commit();
        assertThat(tasks()).isZero();

        assertThatCode(() -> tolerant.get().cancelSchedule("timeout", id)).doesNotThrowAnyException();
        assertThat(fired).hasValue(0);
    }

    private Stream<ScopeAware> handlers(ScopeDescriptor scope) {
        return Stream.of(new ScopeAware() {
            @Override
            public void send(Message<?> message, ScopeDescriptor scope) throws Exception {
                firing.countDown();
                release.await(30, TimeUnit.SECONDS);
                fired.incrementAndGet();
            }

            @Override
            public boolean canResolve(ScopeDescriptor scope) {
                return true;
            }
        });
    }

    private void awaitNoTasks() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (tasks() > 0) {
            assertThat(System.nanoTime()).as("the fired deadline removed").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private int tasks() throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select count(*) from scheduled_tasks")) {
            r.next();
            return r.getInt(1);
        }
    }
}

package io.syncline.platform.deadlines;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.AxonDbSchedulerAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Persistent deadlines on db-scheduler, as Axon configures them, with {@link FiringTolerantDeadlineManager}'s cancel.
 * Before Axon's own configuration, whose deadline manager then backs off.
 */
@AutoConfiguration(
        afterName = "com.github.kagkarlsson.scheduler.boot.autoconfigure.DbSchedulerAutoConfiguration",
        before = AxonDbSchedulerAutoConfiguration.class)
@ConditionalOnClass(Scheduler.class)
@ConditionalOnBean(Scheduler.class)
public class DeadlinesAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public DeadlineManager deadlineManager(
            Scheduler scheduler,
            Configuration configuration,
            @Qualifier("eventSerializer") Serializer serializer,
            TransactionManager transactionManager,
            DeadlineManagerSpanFactory spanFactory) {
        // started and stopped with the scheduler by db-scheduler's own configuration, as Axon's does
        return new FiringTolerantDeadlineManager(
                DbSchedulerDeadlineManager.builder()
                        .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
                        .serializer(serializer)
                        .transactionManager(transactionManager)
                        .spanFactory(spanFactory)
                        .startScheduler(false)
                        .stopScheduler(false),
                scheduler);
    }
}

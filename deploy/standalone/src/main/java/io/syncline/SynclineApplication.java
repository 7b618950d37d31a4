package io.syncline;

import java.util.concurrent.Executors;
import org.axonframework.commandhandling.AsynchronousCommandBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Every Syncline service in one process on Axon's local buses. It lives in the root package so
 * that entities and repositories of all services are found; the services' own application
 * classes (their executables' entry points and infrastructure) are left out.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ConfigurationPropertiesScan("io.syncline")
@ComponentScan(
        excludeFilters = {
            @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootApplication.class),
            @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
            @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class)
        })
public class SynclineApplication {

    public static void main(String[] args) {
        SpringApplication.run(SynclineApplication.class, args);
    }

    /**
     * Commands run on their own threads and transactions, as they do behind Axon Server: a saga's
     * transaction then never holds the locks of the stock aggregates it sends commands to.
     */
    @Bean(destroyMethod = "shutdown")
    @Qualifier("localSegment")
    AsynchronousCommandBus commandBus(
            TransactionManager transactionManager,
            Configuration axon,
            DuplicateCommandHandlerResolver duplicateResolver,
            @Value("${syncline.command-threads:8}") int threads) {
        AsynchronousCommandBus bus = AsynchronousCommandBus.builder()
                .executor(Executors.newFixedThreadPool(threads, new AxonThreadFactory("commands")))
                .transactionManager(transactionManager)
                .duplicateCommandHandlerResolver(duplicateResolver)
                .spanFactory(axon.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus"))
                .build();
        bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        return bus;
    }
}

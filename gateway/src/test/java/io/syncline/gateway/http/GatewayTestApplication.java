package io.syncline.gateway.http;

import org.axonframework.commandhandling.AnnotationCommandHandlerAdapter;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventhandling.gateway.DefaultEventGateway;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * The gateway's REST edge on Axon's local buses, with fake inventory, orders and conflict services behind
 * them: every filter, security rule, controller and the idempotency table (H2, by Flyway) are real.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(
        excludeName = {
            "org.axonframework.springboot.autoconfig.AvroSerializerAutoConfiguration",
            "org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
            "org.axonframework.springboot.autoconfig.AxonTimeoutAutoConfiguration",
            "org.axonframework.springboot.autoconfig.AxonDbSchedulerAutoConfiguration",
            "org.axonframework.springboot.autoconfig.AxonJobRunrAutoConfiguration",
            "org.axonframework.springboot.autoconfig.AxonServerActuatorAutoConfiguration",
            "org.axonframework.springboot.autoconfig.AxonServerAutoConfiguration",
            "org.axonframework.springboot.autoconfig.AxonServerBusAutoConfiguration",
            "org.axonframework.springboot.autoconfig.AxonTracingAutoConfiguration",
            "org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration",
            "org.axonframework.springboot.autoconfig.InfraConfiguration",
            "org.axonframework.springboot.autoconfig.InterceptorAutoConfiguration",
            "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
            "org.axonframework.springboot.autoconfig.legacyjpa.JpaJavaxAutoConfiguration",
            "org.axonframework.springboot.autoconfig.legacyjpa.JpaJavaxEventStoreAutoConfiguration",
            "org.axonframework.springboot.autoconfig.JpaAutoConfiguration",
            "org.axonframework.springboot.autoconfig.JpaEventStoreAutoConfiguration",
            "org.axonframework.springboot.autoconfig.MetricsAutoConfiguration",
            "org.axonframework.springboot.autoconfig.MicrometerMetricsAutoConfiguration",
            "org.axonframework.springboot.autoconfig.NoOpTransactionAutoConfiguration",
            "org.axonframework.springboot.autoconfig.ObjectMapperAutoConfiguration",
            "org.axonframework.springboot.autoconfig.CBORMapperAutoConfiguration",
            "org.axonframework.springboot.autoconfig.OpenTelemetryAutoConfiguration",
            "org.axonframework.springboot.autoconfig.SecurityAutoConfiguration",
            "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration",
            "org.axonframework.springboot.autoconfig.UpdateCheckerAutoConfiguration",
            "org.axonframework.springboot.autoconfig.XStreamAutoConfiguration",
            "io.syncline.platform.processors.ProcessorsAutoConfiguration"
        })
@ConfigurationPropertiesScan("io.syncline.gateway")
@ComponentScan(
        basePackages = "io.syncline.gateway",
        excludeFilters = {
            @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootApplication.class),
            @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = ProcessingGroup.class),
            @ComponentScan.Filter(type = FilterType.REGEX, pattern = "io\\.syncline\\.gateway\\.http\\..*")
        })
@EntityScan({"io.syncline.gateway.idempotency", "io.syncline.gateway.channels"})
@EnableJpaRepositories({"io.syncline.gateway.idempotency", "io.syncline.gateway.channels"})
public class GatewayTestApplication {

    @Bean
    SimpleQueryUpdateEmitter queryUpdateEmitter() {
        return SimpleQueryUpdateEmitter.builder().build();
    }

    @Bean
    CommandBus commandBus() {
        return SimpleCommandBus.builder().build();
    }

    @Bean
    QueryBus queryBus(SimpleQueryUpdateEmitter emitter) {
        return SimpleQueryBus.builder().queryUpdateEmitter(emitter).build();
    }

    @Bean
    CommandGateway commandGateway(CommandBus commandBus) {
        return DefaultCommandGateway.builder().commandBus(commandBus).build();
    }

    @Bean
    QueryGateway queryGateway(QueryBus queryBus) {
        return DefaultQueryGateway.builder().queryBus(queryBus).build();
    }

    @Bean
    EventBus eventBus() {
        return SimpleEventBus.builder().build();
    }

    @Bean
    EventGateway eventGateway(EventBus eventBus) {
        return DefaultEventGateway.builder().eventBus(eventBus).build();
    }

    @Bean
    FakeInventory fakeInventory(SimpleQueryUpdateEmitter emitter, CommandBus commands, QueryBus queries) {
        return subscribe(new FakeInventory(emitter), commands, queries);
    }

    @Bean
    FakeOrders fakeOrders(SimpleQueryUpdateEmitter emitter, CommandBus commands, QueryBus queries) {
        return subscribe(new FakeOrders(emitter), commands, queries);
    }

    @Bean
    FakeConflicts fakeConflicts(SimpleQueryUpdateEmitter emitter, CommandBus commands, QueryBus queries) {
        return subscribe(new FakeConflicts(emitter), commands, queries);
    }

    private static <T> T subscribe(T handler, CommandBus commands, QueryBus queries) {
        new AnnotationCommandHandlerAdapter<>(handler).subscribe(commands);
        new AnnotationQueryHandlerAdapter<>(handler).subscribe(queries);
        return handler;
    }
}

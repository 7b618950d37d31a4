package io.syncline.live.events;

import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/** Only the event log's entity, repository and search, on the schema Flyway builds. */
@Configuration(proxyBeanMethods = false)
@EntityScan(basePackageClasses = EventLogRow.class)
@EnableJpaRepositories(basePackageClasses = EventLogRepository.class)
@Import(EventLogSearch.class)
class EventLogTestConfiguration {}

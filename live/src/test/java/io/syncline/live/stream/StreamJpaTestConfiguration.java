package io.syncline.live.stream;

import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/** Only the stream's entities, repositories and store, on the schema Flyway builds. */
@Configuration(proxyBeanMethods = false)
@EntityScan(basePackageClasses = StreamMessageRow.class)
@EnableJpaRepositories(basePackageClasses = StreamMessageRepository.class)
@Import(JpaStreamStore.class)
public class StreamJpaTestConfiguration {}

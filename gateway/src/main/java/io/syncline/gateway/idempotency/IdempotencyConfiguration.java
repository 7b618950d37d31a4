package io.syncline.gateway.idempotency;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the periodic purge of expired idempotency records. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IdempotencyConfiguration {}

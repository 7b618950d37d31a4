package io.syncline.live.stream;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the stream's periodic purges of expired tickets and acknowledgements. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class StreamScheduling {}

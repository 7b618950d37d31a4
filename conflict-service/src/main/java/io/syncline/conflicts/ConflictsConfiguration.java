package io.syncline.conflicts;

import org.springframework.context.annotation.Configuration;

/** Beans of the conflict feature, shared by the service's own application and the standalone. */
@Configuration
public class ConflictsConfiguration {}

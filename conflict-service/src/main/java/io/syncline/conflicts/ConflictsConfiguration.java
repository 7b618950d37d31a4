package io.syncline.conflicts;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans of the conflict feature, shared by the service's own application and the standalone. */
@Configuration
public class ConflictsConfiguration {

    /**
     * A conflict gets a few commands close together (detection, a rule, reports again); keeping it in memory
     * saves reading its events for each.
     */
    @Bean
    public Cache conflictCache() {
        return new WeakReferenceCache();
    }
}

package io.syncline.it;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * A health contributor the integration tests turn down and up, so the gateway's aggregate health
 * changes the way a lost database would change it, and {@code health.changed} is streamed.
 */
@Component("switchable")
@Profile("it")
public class SwitchableHealth implements HealthIndicator {

    private volatile boolean up = true;

    /** Reports DOWN until {@link #up()}. */
    public void down() {
        up = false;
    }

    /** Reports UP again. */
    public void up() {
        up = true;
    }

    @Override
    public Health health() {
        return up
                ? Health.up().build()
                : Health.down().withDetail("reason", "switched off by a test").build();
    }
}

package io.syncline.conflicts;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Runs the conflict service as its own process (distributed topology). The standalone leaves this
 * class out and brings its own infrastructure, so only process-wide beans belong here (the
 * correlation of messages and the shared settings come from the platform module).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ConflictsApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConflictsApplication.class, args);
    }
}

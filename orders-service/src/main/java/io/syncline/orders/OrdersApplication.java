package io.syncline.orders;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Runs the orders service as its own process (distributed topology). The standalone leaves this
 * class out and brings its own infrastructure, so only process-wide beans belong here (the
 * correlation of messages and the shared settings come from the platform module).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OrdersApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrdersApplication.class, args);
    }
}

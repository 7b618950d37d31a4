package io.syncline.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Runs the gateway service as its own process (distributed topology), assembled by {@code deploy/gateway}
 * with the live layer ({@value #LIVE}), which it names only by package: the gateway module does not depend
 * on it. The standalone leaves this class out and brings its own infrastructure, so only process-wide beans
 * belong here (the correlation of messages and the shared settings come from the platform module).
 */
@SpringBootApplication(scanBasePackages = {GatewayApplication.GATEWAY, GatewayApplication.LIVE})
@ConfigurationPropertiesScan({GatewayApplication.GATEWAY, GatewayApplication.LIVE})
// the packages of JPA entities and repositories; Axon adds its own to the same list
@AutoConfigurationPackage(basePackages = {GatewayApplication.GATEWAY, GatewayApplication.LIVE})
public class GatewayApplication {

    static final String GATEWAY = "io.syncline.gateway";
    static final String LIVE = "io.syncline.live";

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}

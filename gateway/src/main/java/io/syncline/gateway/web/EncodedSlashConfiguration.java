package io.syncline.gateway.web;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lets a path with an encoded slash ({@code %2F}) reach Spring Security's firewall, which rejects
 * it as a 400 problem, instead of Tomcat answering it with its own HTML page.
 */
@Configuration(proxyBeanMethods = false)
public class EncodedSlashConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashesReachTheFirewall() {
        return factory ->
                factory.addConnectorCustomizers(connector -> connector.setEncodedSolidusHandling("passthrough"));
    }
}

package io.syncline.live.events;

import io.syncline.gateway.security.GatewaySecurityCustomizer;
import io.syncline.gateway.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/** The event browser shows every event of the merchant, so it needs ADMIN rather than the API's VIEWER. */
@Configuration(proxyBeanMethods = false)
class EventsSecurity {

    @Bean
    GatewaySecurityCustomizer eventBrowserNeedsAdmin() {
        return http -> http.authorizeHttpRequests(a -> a.requestMatchers(
                        PathPatternRequestMatcher.withDefaults().matcher("/api/events"),
                        PathPatternRequestMatcher.withDefaults().matcher("/api/events/**"))
                .hasRole(Role.ADMIN.name()));
    }
}

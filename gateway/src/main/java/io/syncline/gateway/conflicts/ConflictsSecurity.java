package io.syncline.gateway.conflicts;

import io.syncline.gateway.security.GatewaySecurityCustomizer;
import io.syncline.gateway.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/** Rules decide conflicts for everyone of the merchant, so reading, changing and trying them needs ADMIN. */
@Configuration(proxyBeanMethods = false)
class ConflictsSecurity {

    @Bean
    GatewaySecurityCustomizer conflictRulesNeedAdmin() {
        return http -> http.authorizeHttpRequests(a -> a.requestMatchers(
                        PathPatternRequestMatcher.withDefaults().matcher("/api/conflicts/rules"),
                        PathPatternRequestMatcher.withDefaults().matcher("/api/conflicts/rules/**"))
                .hasRole(Role.ADMIN.name()));
    }
}

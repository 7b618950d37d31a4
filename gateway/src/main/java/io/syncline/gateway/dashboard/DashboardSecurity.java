package io.syncline.gateway.dashboard;

import io.syncline.gateway.security.GatewaySecurityCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The dashboard's static files are public: they hold no data, and the page logs in through the API
 * and sends its bearer token on every API call itself.
 */
@Configuration(proxyBeanMethods = false)
class DashboardSecurity {

    @Bean
    GatewaySecurityCustomizer dashboardIsPublic() {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return http -> http.authorizeHttpRequests(a -> a.requestMatchers(
                        paths.matcher(HttpMethod.GET, "/"),
                        paths.matcher(HttpMethod.GET, "/index.html"),
                        paths.matcher(HttpMethod.GET, "/js/**"),
                        paths.matcher(HttpMethod.GET, "/css/**"),
                        paths.matcher(HttpMethod.GET, "/favicon.ico"))
                .permitAll());
    }
}

package io.syncline.live.stream;

import io.syncline.gateway.security.GatewaySecurityCustomizer;
import io.syncline.gateway.security.Role;
import io.syncline.gateway.web.ProblemWriter;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The streams' part of the security chain: tickets on the stream URLs, VIEWER for tickets and the
 * WebSocket, and CORS on {@code /api/**} for the allowed origins only.
 */
@Configuration(proxyBeanMethods = false)
class StreamSecurity {

    @Bean
    @Order(0)
    GatewaySecurityCustomizer streamTicketsAndCors(
            StreamTickets tickets, ProblemWriter problems, StreamAccessProperties access) {
        UrlBasedCorsConfigurationSource cors = cors(access.allowedOrigins());
        return http -> http.cors(c -> c.configurationSource(cors))
                .addFilterBefore(new StreamTicketFilter(tickets, problems), BearerTokenAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.requestMatchers(PathPatternRequestMatcher.withDefaults()
                                .matcher(HttpMethod.POST, "/api/stream/tickets"))
                        .hasRole(Role.VIEWER.name())
                        .requestMatchers(
                                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/ws"))
                        .hasRole(Role.VIEWER.name()));
    }

    /** Only the listed origins, never {@code *}; nothing at all when none is listed. */
    static UrlBasedCorsConfigurationSource cors(List<String> origins) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (origins.isEmpty()) {
            return source;
        }
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(origins);
        config.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        config.setAllowedHeaders(List.of(
                "Authorization",
                "Content-Type",
                "Idempotency-Key",
                "If-Match",
                "Last-Event-ID",
                "Prefer",
                "X-Correlation-Id"));
        config.setExposedHeaders(List.of("Location", "ETag", "Retry-After", "X-Correlation-Id"));
        config.setAllowCredentials(false);
        config.setMaxAge(Duration.ofHours(1));
        source.registerCorsConfiguration("/api/**", config);
        return source;
    }
}

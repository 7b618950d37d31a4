package io.syncline.gateway.security;

import io.syncline.gateway.web.ProblemWriter;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Bearer-token security of the API. Open: the token endpoint, health, metrics and the API docs.
 * {@code GET /api/**} (streams included) needs VIEWER, any other method on {@code /api/**}
 * OPERATOR; ADMIN includes OPERATOR includes VIEWER. Everything else needs a valid token.
 * Features add their own rules or authentication filters through {@link GatewaySecurityCustomizer}.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(Role.ADMIN.name())
                .implies(Role.OPERATOR.name())
                .role(Role.OPERATOR.name())
                .implies(Role.VIEWER.name())
                .build();
    }

    @Bean
    SecurityFilterChain apiSecurity(
            HttpSecurity http, ProblemWriter problems, ObjectProvider<GatewaySecurityCustomizer> customizers)
            throws Exception {
        ProblemSecurityHandlers handlers = new ProblemSecurityHandlers(problems);
        http.csrf(AbstractHttpConfigurer::disable)
                .cors(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
                .oauth2ResourceServer(o -> o.authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers)
                        .jwt(j -> j.jwtAuthenticationConverter(jwtAuthentication())));
        for (GatewaySecurityCustomizer customizer : customizers.orderedStream().toList()) {
            customizer.customize(http);
        }
        http.authorizeHttpRequests(a -> a.requestMatchers(open())
                .permitAll()
                .requestMatchers(methods("/api/**", HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS))
                .hasRole(Role.VIEWER.name())
                .requestMatchers(path(null, "/api/**"))
                .hasRole(Role.OPERATOR.name())
                .anyRequest()
                .authenticated());
        return http.build();
    }

    @Bean
    WebMvcConfigurer callerParameters() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }

    private static RequestMatcher[] open() {
        return new RequestMatcher[] {
            path(HttpMethod.POST, "/api/auth/token"),
            path(null, "/error"),
            path(null, "/actuator/health"),
            path(null, "/actuator/health/**"),
            path(null, "/actuator/info"),
            path(null, "/actuator/prometheus"),
            path(null, "/v3/api-docs"),
            path(null, "/v3/api-docs/**"),
            path(null, "/swagger-ui.html"),
            path(null, "/swagger-ui/**"),
        };
    }

    private static RequestMatcher[] methods(String pattern, HttpMethod... methods) {
        RequestMatcher[] matchers = new RequestMatcher[methods.length];
        for (int i = 0; i < methods.length; i++) {
            matchers[i] = path(methods[i], pattern);
        }
        return matchers;
    }

    private static RequestMatcher path(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }

    /** Authorities from the {@code roles} claim ({@code ROLE_} prefixed); the name is {@code sub}. */
    public static Converter<Jwt, AbstractAuthenticationToken> jwtAuthentication() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName("roles");
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }
}

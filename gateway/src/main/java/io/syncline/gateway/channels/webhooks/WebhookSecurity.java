package io.syncline.gateway.channels.webhooks;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The webhook routes have a chain of their own, ahead of the API's: no token and no session, since the
 * platforms carry none, and no bearer-token reading of TikTok Shop's {@code Authorization} header, which is a
 * signature. Each delivery is authenticated by its signature instead.
 */
@Configuration(proxyBeanMethods = false)
class WebhookSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain webhookChain(HttpSecurity http) throws Exception {
        return http.securityMatcher("/webhooks/**")
                .csrf(AbstractHttpConfigurer::disable)
                .cors(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .build();
    }
}

package io.syncline.gateway.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * Lets a feature add to the API's security chain (e.g. a stream accepting a ticket or a cookie, or
 * a route needing a stricter role) without owning it. Customizers run in {@code @Order} before the
 * gateway's own rules, so request matchers they add take precedence over the catch-all ones.
 */
@FunctionalInterface
public interface GatewaySecurityCustomizer {

    void customize(HttpSecurity http) throws Exception;
}

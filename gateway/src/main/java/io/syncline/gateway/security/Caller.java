package io.syncline.gateway.security;

import io.syncline.gateway.auth.TokenService;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The authenticated user of a request and the merchant it acts for, both from the token: the
 * merchant is never taken from a path or a body. Controllers take it as a parameter.
 */
public record Caller(String userId, String merchantId, Set<Role> roles) {

    /** The caller of the current request, if it presented a valid token. */
    public static Optional<Caller> current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    public static Optional<Caller> of(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken token && token.isAuthenticated()) {
            return Optional.of(of(token.getToken()));
        }
        return Optional.empty();
    }

    public static Caller of(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        List<String> names = jwt.getClaimAsStringList(TokenService.ROLES);
        if (names != null) {
            names.forEach(n -> Role.parse(n).ifPresent(roles::add));
        }
        return new Caller(jwt.getSubject(), jwt.getClaimAsString(TokenService.MERCHANT), roles);
    }
}

package io.syncline.gateway.auth;

import io.syncline.gateway.security.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;

/** Issues access tokens: {@code sub} the user, {@code roles}, {@code merchant}. */
@Service
public class TokenService {

    public static final String ROLES = "roles";
    public static final String MERCHANT = "merchant";

    private final JwtEncoder encoder;
    private final Duration ttl;
    private final Clock clock;

    @Autowired
    public TokenService(JwtEncoder encoder, IdentityProperties properties) {
        this(encoder, properties.auth().tokenTtl(), Clock.systemUTC());
    }

    TokenService(JwtEncoder encoder, Duration ttl, Clock clock) {
        this.encoder = encoder;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** A signed token for the account and its lifetime. */
    public TokenResponse issue(UserDirectory.Account account) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(JwtConfiguration.ISSUER)
                .id(UUID.randomUUID().toString())
                .subject(account.username())
                .issuedAt(now)
                .expiresAt(now.plus(ttl))
                .claim(ROLES, account.roles().stream().map(Role::name).toList())
                .claim(MERCHANT, account.merchant())
                .build();
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new TokenResponse(token, "Bearer", ttl.toSeconds());
    }
}

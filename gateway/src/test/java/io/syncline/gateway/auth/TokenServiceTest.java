package io.syncline.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syncline.gateway.security.Role;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;

class TokenServiceTest {

    private static final SecretKey KEY = key("0123456789abcdef0123456789abcdef-one");
    private static final UserDirectory.Account ALICE =
            new UserDirectory.Account("alice", "m1", EnumSet.of(Role.OPERATOR, Role.VIEWER), "unused");

    private final JwtConfiguration config = new JwtConfiguration();

    @Test
    void issuesTokensThatVerifyWithUserRolesAndMerchant() {
        TokenResponse issued =
                tokens(KEY, Duration.ofMinutes(5), Clock.systemUTC()).issue(ALICE);
        assertThat(issued.tokenType()).isEqualTo("Bearer");
        assertThat(issued.expiresIn()).isEqualTo(300);

        Jwt jwt = config.jwtDecoder(KEY).decode(issued.accessToken());
        assertThat(jwt.getSubject()).isEqualTo("alice");
        assertThat(jwt.getClaimAsString("merchant")).isEqualTo("m1");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactlyInAnyOrder("OPERATOR", "VIEWER");
        assertThat(jwt.getHeaders()).containsEntry("alg", "HS256");
        assertThat(jwt.getExpiresAt())
                .isBetween(Instant.now().plusSeconds(290), Instant.now().plusSeconds(301));
    }

    @Test
    void rejectsExpiredTokens() {
        Clock past = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
        String token = tokens(KEY, Duration.ofMinutes(30), past).issue(ALICE).accessToken();
        assertThatThrownBy(() -> config.jwtDecoder(KEY).decode(token)).isInstanceOf(JwtException.class);
    }

    @Test
    void rejectsTokensSignedWithAnotherSecret() {
        String token = tokens(key("another-secret-another-secret-another"), Duration.ofMinutes(5), Clock.systemUTC())
                .issue(ALICE)
                .accessToken();
        assertThatThrownBy(() -> config.jwtDecoder(KEY).decode(token)).isInstanceOf(BadJwtException.class);
    }

    @Test
    void rejectsUnsignedTokens() {
        String header = b64("{\"alg\":\"none\"}");
        String claims = b64("{\"sub\":\"alice\",\"merchant\":\"m1\",\"roles\":[\"ADMIN\"],\"iss\":\"syncline\","
                + "\"exp\":" + Instant.now().plusSeconds(600).getEpochSecond() + "}");
        JwtDecoder decoder = config.jwtDecoder(KEY);
        assertThatThrownBy(() -> decoder.decode(header + "." + claims + ".")).isInstanceOf(JwtException.class);
    }

    @Test
    void rejectsTokensWithoutAMerchant() {
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer("syncline")
                .subject("x")
                .claim("roles", List.of("ADMIN"))
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60))
                .build();
        String token = config.jwtEncoder(KEY)
                .encode(JwtEncoderParameters.from(
                        JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        assertThatThrownBy(() -> config.jwtDecoder(KEY).decode(token)).isInstanceOf(JwtException.class);
    }

    private TokenService tokens(SecretKey key, Duration ttl, Clock clock) {
        return new TokenService(config.jwtEncoder(key), ttl, clock);
    }

    private static SecretKey key(String secret) {
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}

package io.syncline.gateway.auth;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * HS256 signing of the API's access tokens. The secret is {@code syncline.auth.jwt-secret}, or one
 * generated on first start and kept in the data directory so that tokens survive a restart.
 */
@Configuration(proxyBeanMethods = false)
public class JwtConfiguration {

    public static final String ISSUER = "syncline";
    static final String SECRET_FILE = "jwt-secret";
    private static final int MIN_SECRET_BYTES = 32;
    private static final Logger log = LoggerFactory.getLogger(JwtConfiguration.class);

    @Bean
    SecretKey jwtSigningKey(IdentityProperties properties) {
        return signingKey(properties);
    }

    @Bean
    JwtEncoder jwtEncoder(SecretKey jwtSigningKey) {
        return new NimbusJwtEncoder(new ImmutableSecret<>(jwtSigningKey));
    }

    @Bean
    JwtDecoder jwtDecoder(SecretKey jwtSigningKey) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(jwtSigningKey)
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        decoder.setJwtValidator(validator());
        return decoder;
    }

    /** Expiry, issuer, and the claims every request relies on. */
    static OAuth2TokenValidator<Jwt> validator() {
        OAuth2TokenValidator<Jwt> claims = jwt -> {
            boolean complete = jwt.getSubject() != null
                    && !jwt.getSubject().isBlank()
                    && jwt.getClaimAsString(TokenService.MERCHANT) != null
                    && jwt.getClaimAsStringList(TokenService.ROLES) != null
                    && jwt.getExpiresAt() != null;
            return complete
                    ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(
                            new OAuth2Error("invalid_token", "The token lacks sub, merchant, roles or exp", null));
        };
        return new DelegatingOAuth2TokenValidator<>(List.of(JwtValidators.createDefaultWithIssuer(ISSUER), claims));
    }

    static SecretKey signingKey(IdentityProperties properties) {
        String secret = properties.auth().jwtSecret();
        if (secret == null) {
            SecretFiles.Secret kept = SecretFiles.readOrCreate(
                    Path.of(properties.dataDir(), SECRET_FILE), () -> SecretFiles.randomToken(48));
            log.info(
                    kept.created() ? "Generated the token signing secret in {}" : "Token signing secret read from {}",
                    kept.path());
            secret = kept.value();
        }
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException(
                    "syncline.auth.jwt-secret must be at least " + MIN_SECRET_BYTES + " bytes long for HS256");
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }
}

package io.syncline.gateway.channels;

import io.syncline.gateway.auth.IdentityProperties;
import io.syncline.gateway.auth.SecretFiles;
import io.syncline.gateway.security.GatewaySecurityCustomizer;
import io.syncline.gateway.security.Role;
import java.nio.file.Path;
import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The channel registry's key and rules. The key that seals channel secrets is
 * {@code syncline.channels.secret-key} (base64 of 32 bytes), or one generated once into the data
 * directory ({@value #KEY_FILE}); losing it means entering the channels' secrets again.
 */
@Configuration(proxyBeanMethods = false)
class ChannelsConfiguration {

    static final String KEY_FILE = "channel-key";
    private static final Logger log = LoggerFactory.getLogger(ChannelsConfiguration.class);

    @Bean
    SecretBox channelSecrets(
            @Value("${syncline.channels.secret-key:}") String configured, IdentityProperties identity) {
        String encoded = configured;
        if (encoded == null || encoded.isBlank()) {
            SecretFiles.Secret kept =
                    SecretFiles.readOrCreate(Path.of(identity.dataDir(), KEY_FILE), () -> Base64.getEncoder()
                            .encodeToString(randomKey()));
            if (kept.created()) {
                log.info("Generated the key that seals channel secrets into {}", kept.path());
            }
            encoded = kept.value();
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("syncline.channels.secret-key must be base64 of 32 bytes", e);
        }
        if (key.length != 32) {
            throw new IllegalStateException(
                    "syncline.channels.secret-key must be base64 of 32 bytes, not " + key.length);
        }
        return new SecretBox(new SecretKeySpec(key, "AES"));
    }

    /** Reading channels is for every role; changing them is the merchant's ADMIN's. */
    @Bean
    GatewaySecurityCustomizer channelsNeedAdminToChange() {
        return http -> http.authorizeHttpRequests(a -> a.requestMatchers(
                        PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.PUT, "/api/channels/**"),
                        PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/channels/**"),
                        PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.DELETE, "/api/channels/**"))
                .hasRole(Role.ADMIN.name()));
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return key;
    }
}

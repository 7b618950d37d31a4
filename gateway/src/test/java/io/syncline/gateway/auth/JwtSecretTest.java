package io.syncline.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtSecretTest {

    @TempDir
    Path dataDir;

    @Test
    void generatesTheSecretOnceAndKeepsItSoTokensSurviveRestarts() throws Exception {
        SecretKey first = JwtConfiguration.signingKey(properties(null));
        SecretKey second = JwtConfiguration.signingKey(properties(null));
        assertThat(second.getEncoded()).isEqualTo(first.getEncoded());
        Path file = dataDir.resolve("jwt-secret");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void usesTheConfiguredSecret() {
        SecretKey key = JwtConfiguration.signingKey(properties("a-configured-secret-of-enough-length!"));
        assertThat(new String(key.getEncoded())).isEqualTo("a-configured-secret-of-enough-length!");
        assertThat(dataDir.resolve("jwt-secret")).doesNotExist();
    }

    @Test
    void refusesShortSecrets() {
        assertThatThrownBy(() -> JwtConfiguration.signingKey(properties("short")))
                .hasMessageContaining("32 bytes");
    }

    private IdentityProperties properties(String secret) {
        return new IdentityProperties(dataDir.toString(), null, List.of(), new IdentityProperties.Auth(secret, null));
    }
}

package io.syncline.gateway.auth;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may use the API and how their tokens are made.
 *
 * @param dataDir       where generated secrets are kept ({@code admin-password}, {@code jwt-secret})
 * @param adminPassword password of the default {@code admin} when no users are configured
 * @param users         the users; none means a single {@code admin} (ADMIN) of merchant {@code demo}
 * @param auth          token settings
 */
@ConfigurationProperties("syncline")
public record IdentityProperties(String dataDir, String adminPassword, List<User> users, Auth auth) {

    public IdentityProperties {
        dataDir = dataDir == null || dataDir.isBlank() ? "./data" : dataDir;
        adminPassword = adminPassword == null || adminPassword.isBlank() ? null : adminPassword;
        users = users == null ? List.of() : List.copyOf(users);
        auth = auth == null ? new Auth(null, null) : auth;
    }

    /**
     * One configured user.
     *
     * @param password plain, or encoded as {@code {bcrypt}...}
     * @param roles    comma-separated (or a list) of VIEWER, OPERATOR, ADMIN
     */
    public record User(String username, String password, String merchant, List<String> roles) {}

    /**
     * @param jwtSecret signing secret (at least 32 bytes); generated and kept in the data dir when absent
     * @param tokenTtl  lifetime of an access token
     */
    public record Auth(String jwtSecret, Duration tokenTtl) {

        public Auth {
            jwtSecret = jwtSecret == null || jwtSecret.isBlank() ? null : jwtSecret;
            tokenTtl = tokenTtl == null || tokenTtl.isNegative() || tokenTtl.isZero() ? Duration.ofHours(1) : tokenTtl;
        }
    }
}

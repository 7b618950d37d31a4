package io.syncline.gateway.auth;

import io.syncline.gateway.security.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The users of {@code syncline.users}, or, when none are configured, one {@code admin} (ADMIN) of
 * merchant {@code demo} whose password comes from {@code syncline.admin-password} or is generated
 * on first start, printed once and kept in the data directory.
 */
@Component
public class UserDirectory {

    public static final String DEFAULT_ADMIN = "admin";
    public static final String DEFAULT_MERCHANT = "demo";
    static final String ADMIN_PASSWORD_FILE = "admin-password";

    private static final Logger log = LoggerFactory.getLogger(UserDirectory.class);
    private static final Pattern MERCHANT = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String BCRYPT = "{bcrypt}";
    private static final int BCRYPT_MAX_BYTES = 72;
    private static final Pattern BCRYPT_HASH = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
    private final Map<String, Account> accounts;
    // compared against when the user is unknown, so that unknown and known users take as long
    private final String decoy = bcrypt.encode(SecretFiles.randomToken(16));

    public UserDirectory(IdentityProperties properties) {
        this.accounts = properties.users().isEmpty() ? defaultAdmin(properties) : configured(properties.users());
    }

    /** A user who may obtain tokens. */
    public record Account(String username, String merchant, Set<Role> roles, String passwordHash) {

        @Override
        public String toString() {
            return "Account[" + username + " of " + merchant + " " + roles + "]";
        }
    }

    /** The account when the password is right. */
    public Optional<Account> authenticate(String username, String password) {
        Account account = username == null ? null : accounts.get(username);
        if (password == null || password.getBytes(StandardCharsets.UTF_8).length > BCRYPT_MAX_BYTES) {
            return Optional.empty();
        }
        boolean matches = bcrypt.matches(password, account == null ? decoy : account.passwordHash());
        return account != null && matches ? Optional.of(account) : Optional.empty();
    }

    public List<Account> accounts() {
        return List.copyOf(accounts.values());
    }

    private Map<String, Account> configured(List<IdentityProperties.User> users) {
        Map<String, Account> result = new LinkedHashMap<>();
        for (int i = 0; i < users.size(); i++) {
            IdentityProperties.User user = users.get(i);
            String at = "syncline.users[" + i + "]";
            require(user.username() != null && !user.username().isBlank(), at + ".username is missing");
            require(user.password() != null && !user.password().isEmpty(), at + ".password is missing");
            require(
                    user.merchant() != null && MERCHANT.matcher(user.merchant()).matches(),
                    at + ".merchant must match " + MERCHANT.pattern());
            Account account = new Account(
                    user.username().trim(), user.merchant(), roles(user.roles(), at), hash(user.password(), at));
            require(
                    result.putIfAbsent(account.username(), account) == null,
                    at + ".username '" + account.username() + "' is configured twice");
        }
        return result;
    }

    private Map<String, Account> defaultAdmin(IdentityProperties properties) {
        String password = properties.adminPassword();
        if (password != null) {
            log.info(
                    "No users configured: user '{}' (ADMIN) of merchant '{}' uses the password of "
                            + "syncline.admin-password",
                    DEFAULT_ADMIN,
                    DEFAULT_MERCHANT);
        } else {
            Path file = Path.of(properties.dataDir(), ADMIN_PASSWORD_FILE);
            SecretFiles.Secret secret = SecretFiles.readOrCreate(file, () -> SecretFiles.randomToken(18));
            password = secret.value();
            if (secret.created()) {
                log.warn(
                        """

                        ================================================================
                          No users configured: created user '{}' (ADMIN) of merchant '{}'
                            username: {}
                            password: {}
                          Shown only this once; kept in {}
                          Set syncline.users (or SYNCLINE_ADMIN_PASSWORD) to change it.
                        ================================================================""",
                        DEFAULT_ADMIN,
                        DEFAULT_MERCHANT,
                        DEFAULT_ADMIN,
                        password,
                        secret.path());
            } else {
                log.info(
                        "No users configured: user '{}' (ADMIN) of merchant '{}'; its password is kept in {}",
                        DEFAULT_ADMIN,
                        DEFAULT_MERCHANT,
                        secret.path());
            }
        }
        Account admin = new Account(
                DEFAULT_ADMIN, DEFAULT_MERCHANT, EnumSet.of(Role.ADMIN), hash(password, "syncline.admin-password"));
        return Map.of(admin.username(), admin);
    }

    private static Set<Role> roles(List<String> names, String at) {
        require(names != null && !names.isEmpty(), at + ".roles is missing (VIEWER, OPERATOR or ADMIN)");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            for (String part : name.split(",")) {
                if (!part.isBlank()) {
                    roles.add(Role.parse(part)
                            .orElseThrow(() -> new IllegalStateException(
                                    at + ".roles: unknown role '" + part.trim() + "' (VIEWER, OPERATOR or ADMIN)")));
                }
            }
        }
        require(!roles.isEmpty(), at + ".roles is missing (VIEWER, OPERATOR or ADMIN)");
        return roles;
    }

    /** Plain passwords are hashed too, so that every check costs the same. */
    private String hash(String password, String at) {
        if (password.startsWith(BCRYPT)) {
            String hash = password.substring(BCRYPT.length());
            require(BCRYPT_HASH.matcher(hash).matches(), at + ".password is not a valid {bcrypt} hash");
            return hash;
        }
        require(
                password.getBytes(StandardCharsets.UTF_8).length <= BCRYPT_MAX_BYTES,
                at + ".password is longer than " + BCRYPT_MAX_BYTES + " bytes");
        return bcrypt.encode(password);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}

package io.syncline.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syncline.gateway.security.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class UserDirectoryTest {

    @TempDir
    Path dataDir;

    @Test
    void bindsUsersTheSpringWayIncludingEnvironmentStyleNames() {
        Map<String, Object> env = Map.of(
                "SYNCLINE_USERS_0_USERNAME",
                "alice",
                "SYNCLINE_USERS_0_PASSWORD",
                "secret",
                "SYNCLINE_USERS_0_MERCHANT",
                "m1",
                "SYNCLINE_USERS_0_ROLES",
                "OPERATOR,VIEWER");
        IdentityProperties properties = new Binder(ConfigurationPropertySources.from(
                        new SystemEnvironmentPropertySource("systemEnvironment", Map.copyOf(env))))
                .bindOrCreate("syncline", IdentityProperties.class);
        assertThat(properties.users()).hasSize(1);
        assertThat(properties.users().get(0).username()).isEqualTo("alice");
        assertThat(properties.users().get(0).roles()).containsExactly("OPERATOR", "VIEWER");
        assertThat(properties.auth().tokenTtl()).hasHours(1);
        assertThat(properties.dataDir()).isEqualTo("./data");
    }

    @Test
    void authenticatesPlainAndBcryptPasswords() {
        String hash = new BCryptPasswordEncoder().encode("s3cret");
        UserDirectory users = new UserDirectory(properties(List.of(
                user("alice", "secret", "m1", "operator"), user("bob", "{bcrypt}" + hash, "m2", "VIEWER, ADMIN"))));

        assertThat(users.authenticate("alice", "secret")).get().satisfies(a -> {
            assertThat(a.merchant()).isEqualTo("m1");
            assertThat(a.roles()).containsExactly(Role.OPERATOR);
        });
        assertThat(users.authenticate("bob", "s3cret")).get().satisfies(a -> assertThat(a.roles())
                .containsExactlyInAnyOrder(Role.VIEWER, Role.ADMIN));
        assertThat(users.authenticate("alice", "wrong")).isEmpty();
        assertThat(users.authenticate("bob", "{bcrypt}" + hash)).isEmpty();
        assertThat(users.authenticate("carol", "secret")).isEmpty();
        assertThat(users.authenticate(null, null)).isEmpty();
    }

    @Test
    void refusesBrokenConfiguration() {
        assertThatThrownBy(() -> new UserDirectory(properties(List.of(user("a", "x", "m1", "GOD")))))
                .hasMessageContaining("unknown role 'GOD'");
        assertThatThrownBy(() -> new UserDirectory(properties(List.of(user("a", "x", "m 1", "VIEWER")))))
                .hasMessageContaining("merchant");
        assertThatThrownBy(() -> new UserDirectory(properties(List.of(user("a", "", "m1", "VIEWER")))))
                .hasMessageContaining("password");
        assertThatThrownBy(() -> new UserDirectory(properties(List.of(user("a", "{bcrypt}nope", "m1", "VIEWER")))))
                .hasMessageContaining("bcrypt");
        assertThatThrownBy(() -> new UserDirectory(
                        properties(List.of(user("a", "x", "m1", "VIEWER"), user("a", "y", "m2", "VIEWER")))))
                .hasMessageContaining("twice");
        assertThatThrownBy(() ->
                        new UserDirectory(properties(List.of(new IdentityProperties.User("a", "x", "m1", List.of())))))
                .hasMessageContaining("roles");
    }

    @Test
    void createsAnAdminOfDemoWithAGeneratedPasswordKeptOwnerOnly() throws Exception {
        UserDirectory first = new UserDirectory(new IdentityProperties(dataDir.toString(), null, List.of(), null));
        Path file = dataDir.resolve("admin-password");
        String password = Files.readString(file).strip();
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(first.authenticate("admin", password)).get().satisfies(a -> {
            assertThat(a.merchant()).isEqualTo("demo");
            assertThat(a.roles()).containsExactly(Role.ADMIN);
        });

        UserDirectory restarted = new UserDirectory(new IdentityProperties(dataDir.toString(), null, List.of(), null));
        assertThat(Files.readString(file).strip()).isEqualTo(password);
        assertThat(restarted.authenticate("admin", password)).isPresent();
    }

    @Test
    void takesTheAdminPasswordFromConfigurationWhenGiven() {
        UserDirectory users = new UserDirectory(new IdentityProperties(dataDir.toString(), "chosen", List.of(), null));
        assertThat(users.authenticate("admin", "chosen")).isPresent();
        assertThat(dataDir.resolve("admin-password")).doesNotExist();
    }

    @Test
    void createsNoAdminWhenUsersAreConfigured() {
        UserDirectory users = new UserDirectory(properties(List.of(user("alice", "secret", "m1", "VIEWER"))));
        assertThat(users.accounts()).extracting(UserDirectory.Account::username).containsExactly("alice");
        assertThat(dataDir.resolve("admin-password")).doesNotExist();
    }

    private IdentityProperties properties(List<IdentityProperties.User> users) {
        return new IdentityProperties(dataDir.toString(), null, users, null);
    }

    private static IdentityProperties.User user(String name, String password, String merchant, String roles) {
        return new IdentityProperties.User(name, password, merchant, List.of(roles));
    }
}

package io.syncline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class PlatformDefaultsTest {

    private final PlatformDefaults defaults = new PlatformDefaults();

    private StandardEnvironment environment(Map<String, Object> own, String... profiles) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("application.yml", own));
        env.setActiveProfiles(profiles);
        defaults.postProcessEnvironment(env, new SpringApplication());
        return env;
    }

    @Test
    void givesEveryDeployableTheSharedSettings() {
        StandardEnvironment env = environment(Map.of("spring.application.name", "orders-service"));

        assertThat(env.getProperty("axon.serializer.events")).isEqualTo("jackson");
        assertThat(env.getProperty("spring.jpa.hibernate.ddl-auto")).isEqualTo("validate");
        assertThat(env.getProperty("spring.jpa.mapping-resources[0]")).isEqualTo("META-INF/axon-event-sequence.xml");
        assertThat(env.getProperty("db-scheduler.delay-startup-until-context-ready"))
                .isEqualTo("true");
        assertThat(env.getProperty("management.metrics.tags.application")).isEqualTo("orders-service");
        assertThat(env.getProperty("spring.flyway.placeholders.binaryType")).isEqualTo("BINARY LARGE OBJECT");
        assertThat(env.getProperty("spring.jpa.database-platform")).isNull();
        assertThat(env.getProperty("axon.axonserver.enabled")).isEqualTo("false");
    }

    @Test
    void aDeployablesOwnSettingWins() {
        StandardEnvironment env =
                environment(Map.of("axon.serializer.events", "xstream", "server.shutdown", "immediate"));

        assertThat(env.getProperty("axon.serializer.events")).isEqualTo("xstream");
        assertThat(env.getProperty("server.shutdown")).isEqualTo("immediate");
    }

    @Test
    void profileSectionsApplyOnlyWithTheirProfile() {
        StandardEnvironment env = environment(Map.of("spring.application.name", "gateway"), "postgres", "axonserver");

        assertThat(env.getProperty("spring.jpa.database-platform"))
                .isEqualTo("io.syncline.platform.persistence.ByteaEnforcedPostgresDialect");
        assertThat(env.getProperty("spring.flyway.placeholders.binaryType")).isEqualTo("BYTEA");
        assertThat(env.getProperty("axon.axonserver.enabled")).isEqualTo("true");
        assertThat(env.getProperty("axon.axonserver.component-name")).isEqualTo("gateway");
    }

    @Test
    void turnsAxonsUpdateCheckerOffUnlessTheUserChose() {
        String before = System.getProperty(PlatformDefaults.UPDATE_CHECKER_DISABLED);
        try {
            System.clearProperty(PlatformDefaults.UPDATE_CHECKER_DISABLED);
            environment(Map.of());
            String expected = System.getenv("AXONIQ_UPDATE_CHECKER_DISABLED") == null ? "true" : null;
            assertThat(System.getProperty(PlatformDefaults.UPDATE_CHECKER_DISABLED))
                    .isEqualTo(expected);

            System.setProperty(PlatformDefaults.UPDATE_CHECKER_DISABLED, "false");
            environment(Map.of());
            assertThat(System.getProperty(PlatformDefaults.UPDATE_CHECKER_DISABLED))
                    .isEqualTo("false");
        } finally {
            if (before == null) {
                System.clearProperty(PlatformDefaults.UPDATE_CHECKER_DISABLED);
            } else {
                System.setProperty(PlatformDefaults.UPDATE_CHECKER_DISABLED, before);
            }
        }
    }
}

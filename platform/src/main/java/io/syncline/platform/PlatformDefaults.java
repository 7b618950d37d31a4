package io.syncline.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.Profiles;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the settings every deployable shares ({@value #DEFAULTS}) below all of its own configuration,
 * so each {@code application.yml} keeps only what is its own, and turns Axon's update checker off
 * unless the user decided otherwise.
 */
public class PlatformDefaults implements EnvironmentPostProcessor, Ordered {

    static final String DEFAULTS = "io/syncline/platform/defaults.yml";
    /** What Axon's update checker reads besides {@code AXONIQ_UPDATE_CHECKER_DISABLED}. */
    static final String UPDATE_CHECKER_DISABLED = "axoniq.update-checker.disabled";

    private static final String PROFILE_KEY = "spring.config.activate.on-profile";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        disableUpdateChecker();
        MutablePropertySources sources = environment.getPropertySources();
        List<PropertySource<?>> applicable = new ArrayList<>();
        for (PropertySource<?> document : load()) {
            Object profile = document.getProperty(PROFILE_KEY);
            if (profile == null || environment.acceptsProfiles(Profiles.of(profile.toString()))) {
                applicable.add(document);
            }
        }
        // a profile's section overrides the common one, as in an application.yml
        Collections.reverse(applicable);
        applicable.forEach(sources::addLast);
    }

    /** Axon's update checker calls home at start; a user who wants it sets either switch to false. */
    private static void disableUpdateChecker() {
        if (System.getProperty(UPDATE_CHECKER_DISABLED) == null
                && System.getenv("AXONIQ_UPDATE_CHECKER_DISABLED") == null) {
            System.setProperty(UPDATE_CHECKER_DISABLED, "true");
        }
    }

    private static List<PropertySource<?>> load() {
        try {
            return new YamlPropertySourceLoader().load("syncline-platform-defaults", new ClassPathResource(DEFAULTS));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULTS, e);
        }
    }

    /** After the configuration files and profiles are known. */
    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 10;
    }
}

package io.syncline.standalone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Switches the standalone to the {@code postgres} profile when {@code SYNCLINE_DB_URL} names a
 * PostgreSQL database. Runs before the configuration files are read so that the profile's
 * section of {@code application.yml} applies.
 */
public class PostgresProfileActivator implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        String dbUrl = env.getProperty("SYNCLINE_DB_URL", "");
        if (dbUrl.startsWith("jdbc:postgresql:")) {
            env.addActiveProfile("postgres");
        }
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER - 1;
    }
}

package io.syncline.standalone;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code syncline.data-dir} (from {@code SYNCLINE_DATA_DIR}, default {@code ./data}) absolute:
 * H2 refuses implicitly relative database paths.
 */
public class DataDirectoryResolver implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        String dataDir = env.getProperty("SYNCLINE_DATA_DIR", env.getProperty("syncline.data-dir", "./data"));
        String absolute = Path.of(dataDir).toAbsolutePath().normalize().toString();
        env.getPropertySources()
                .addFirst(new MapPropertySource("syncline-data-dir", Map.of("syncline.data-dir", absolute)));
    }
}

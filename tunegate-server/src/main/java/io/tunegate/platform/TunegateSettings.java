package io.tunegate.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * Settings shared by the whole gateway.
 *
 * @param dataDir   where the embedded default keeps its database and the bootstrap key ({@code TUNEGATE_DATA_DIR})
 * @param bootstrap the key of the {@code default} project ({@code TUNEGATE_BOOTSTRAP_KEY})
 */
@ConfigurationProperties("tunegate")
public record TunegateSettings(@DefaultValue("./data") Path dataDir, @DefaultValue Bootstrap bootstrap) {

    public record Bootstrap(String key) {
    }
}

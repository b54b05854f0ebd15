package no.instanceplatform.app;

import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * App API settings.
 *
 * @param storageUrl the Storage API's base URL, {@code .../storage/api/v1}
 * @param dataDir the shared data directory of {@code bin/run}
 */
@ConfigurationProperties("app")
public record AppProperties(
    @DefaultValue("http://localhost:5101/storage/api/v1") URI storageUrl, @DefaultValue("./data") Path dataDir) {}

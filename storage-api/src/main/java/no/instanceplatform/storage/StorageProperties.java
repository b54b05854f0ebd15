package no.instanceplatform.storage;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Storage settings that more than one feature reads.
 *
 * @param dataDir where the embedded database and file blobs live when no external store is configured
 * @param platformBaseUrl the public URL of this service, for the {@code platform} self links
 * @param appsBaseUrl the public URL of the App API host, for the {@code apps} self links
 */
@ConfigurationProperties("storage")
public record StorageProperties(
    @DefaultValue("./data") Path dataDir,
    @DefaultValue("http://localhost:5101") String platformBaseUrl,
    @DefaultValue("http://localhost:5005") String appsBaseUrl) {}

package no.instanceplatform.storage.applications;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Application metadata settings.
 *
 * @param cacheTtl how long a replica reuses an app's metadata it read from the store: how long another replica may
 *     still see the metadata a deploy replaced (a write through this replica is seen at once). Zero: read every time
 */
@ConfigurationProperties("storage.applications")
public record ApplicationsProperties(@DefaultValue("30s") Duration cacheTtl) {}

package no.instanceplatform.storage.localplatform;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the local platform.
 *
 * @param enabled whether Storage issues test tokens and serves the test data (never in production)
 * @param signingKeyFile where the RSA signing key is kept (created at first start); empty means under the data
 *     directory
 * @param tokenLifetime how long an issued test token is valid
 */
@ConfigurationProperties("storage.local-platform")
public record LocalPlatformProperties(
    boolean enabled, Path signingKeyFile, @DefaultValue("PT1H") Duration tokenLifetime) {}

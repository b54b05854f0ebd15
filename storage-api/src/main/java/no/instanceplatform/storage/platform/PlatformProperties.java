package no.instanceplatform.storage.platform;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Altinn's platform services are, in production.
 *
 * @param partiesUrl Authorization's party list, {@code .../authorization/api/v1/parties}
 * @param registerUrl Register, {@code .../register/api/v1}
 */
@ConfigurationProperties("storage.platform")
public record PlatformProperties(URI partiesUrl, URI registerUrl) {}

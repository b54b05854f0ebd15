package no.instanceplatform.storage.security.altinn;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the authorization service is, in production.
 *
 * @param partiesUrl Altinn Authorization's party list, {@code .../authorization/api/v1/parties}
 */
@ConfigurationProperties("storage.authorization")
public record AuthorizationProperties(URI partiesUrl) {}

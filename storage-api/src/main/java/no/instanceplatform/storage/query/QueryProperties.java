package no.instanceplatform.storage.query;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Query settings.
 *
 * @param continuationSecret the key continuation tokens are signed with; every replica must share it. Empty: a
 *     random key per process (tokens then work only on the replica that made them, until it restarts)
 */
@ConfigurationProperties("storage.query")
public record QueryProperties(@DefaultValue("") String continuationSecret) {}

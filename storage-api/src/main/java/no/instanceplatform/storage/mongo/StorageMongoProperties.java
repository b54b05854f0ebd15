package no.instanceplatform.storage.mongo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the metadata lives.
 *
 * @param uri a MongoDB connection string; blank starts the embedded server
 * @param database the database name
 * @param embeddedInMemory keep the embedded server's data in memory instead of under the data directory
 */
@ConfigurationProperties("storage.mongodb")
public record StorageMongoProperties(
    @DefaultValue("") String uri, @DefaultValue("storage") String database, boolean embeddedInMemory) {

  boolean embedded() {
    return uri.isBlank();
  }
}

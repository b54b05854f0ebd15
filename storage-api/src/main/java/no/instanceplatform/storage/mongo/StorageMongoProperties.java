package no.instanceplatform.storage.mongo;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the metadata lives.
 *
 * @param uri a MongoDB connection string; blank starts the embedded server
 * @param database the database name
 * @param embeddedInMemory keep the embedded server's data in memory instead of under the data directory: for tests
 *     and benchmarks, as every document then stays on Storage's heap (at -Xmx256m, about 12,000 instances created
 *     through the App API, with their events and forms, filled it)
 * @param serverSelectionTimeout how long a request waits for a reachable MongoDB before it is answered 503 (unless
 *     the URI sets {@code serverSelectionTimeoutMS})
 * @param connectTimeout how long opening a connection may take (unless the URI sets {@code connectTimeoutMS})
 */
@ConfigurationProperties("storage.mongodb")
public record StorageMongoProperties(
    @DefaultValue("") String uri, @DefaultValue("storage") String database, boolean embeddedInMemory,
    @DefaultValue("5s") Duration serverSelectionTimeout, @DefaultValue("5s") Duration connectTimeout) {

  boolean embedded() {
    return uri.isBlank();
  }
}

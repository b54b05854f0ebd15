package no.instanceplatform.storage.mongo;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Reports whether the metadata store answers. Boot's own indicator asks {@code hello}, which the embedded emulator
 * does not know; {@code ping} works on MongoDB, Cosmos DB and the emulator alike. The bean name replaces Boot's.
 */
@Component("mongoHealthIndicator")
class MongoHealthIndicator extends AbstractHealthIndicator {

  private final MongoTemplate mongo;

  MongoHealthIndicator(MongoTemplate mongo) {
    super("MongoDB health check failed");
    this.mongo = mongo;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    mongo.executeCommand(new Document("ping", 1));
    builder.up().withDetail("database", mongo.getDb().getName());
  }
}

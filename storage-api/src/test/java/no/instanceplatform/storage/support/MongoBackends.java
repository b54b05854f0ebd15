package no.instanceplatform.storage.support;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import java.util.UUID;
import no.instanceplatform.storage.mongo.EmulatorBackends;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The two MongoDB backends the store contracts run against: the embedded emulator, and a real MongoDB in a
 * container (only where a Docker engine runs; those suites are skipped elsewhere). Each call gives a fresh database.
 */
public final class MongoBackends {

  private static MongoClient emulatorClient;
  private static MongoClient containerClient;

  private MongoBackends() {}

  public static synchronized MongoTemplate emulator() {
    if (emulatorClient == null) {
      MongoServer server = new MongoServer(EmulatorBackends.inMemory());
      server.bind("127.0.0.1", 0);
      emulatorClient = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
    }
    return freshDatabase(emulatorClient);
  }

  /** A real MongoDB 8 replica set of one; the container lives as long as the test JVM. */
  @SuppressWarnings("resource")
  public static synchronized MongoTemplate mongoDb() {
    if (containerClient == null) {
      MongoDBContainer container = new MongoDBContainer("mongo:8.0");
      container.start();
      containerClient = MongoClients.create(container.getReplicaSetUrl());
    }
    return freshDatabase(containerClient);
  }

  private static MongoTemplate freshDatabase(MongoClient client) {
    return new MongoTemplate(client, "contract_" + UUID.randomUUID().toString().replace("-", ""));
  }
}

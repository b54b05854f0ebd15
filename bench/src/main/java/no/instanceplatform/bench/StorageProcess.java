package no.instanceplatform.bench;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import no.instanceplatform.storage.StorageApplication;
import no.instanceplatform.storage.instances.InstanceStore;
import no.instanceplatform.testkit.ServiceProcess;
import org.bson.Document;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Storage, started in this process on a random loopback port with the local platform on (its test tokens), on the
 * embedded emulator in memory or on a MongoDB. On a MongoDB whose URI names no database it works in a database of
 * its own, dropped when it closes; a database named in the URI must hold no instances.
 */
final class StorageProcess implements AutoCloseable {

  static final String EMULATOR = "mongo-java-server emulator (in memory, no secondary indexes)";

  private final ConfigurableApplicationContext context;
  private final Path dataDir;
  private final boolean ownDatabase;
  private final String store;

  private StorageProcess(ConfigurableApplicationContext context, Path dataDir, boolean ownDatabase, String store) {
    this.context = context;
    this.dataDir = dataDir;
    this.ownDatabase = ownDatabase;
    this.store = store;
  }

  /** Starts Storage on the emulator ({@code mongoUri} null) or on the MongoDB at {@code mongoUri}. */
  static StorageProcess start(String mongoUri) {
    Path dataDir = ServiceProcess.temporaryDirectory("bench-storage-");
    boolean ownDatabase = mongoUri != null && new ConnectionString(mongoUri).getDatabase() == null;
    List<String> args = new ArrayList<>(List.of(
        "--server.port=0",
        "--server.address=127.0.0.1",
        "--storage.local-platform.enabled=true",
        "--storage.data-dir=" + dataDir,
        "--storage.mongodb.uri=" + (mongoUri == null ? "" : mongoUri),
        "--storage.mongodb.embedded-in-memory=true",
        "--storage.query.continuation-secret=bench-only-secret",
        // The outbox sweep finds undelivered events with a query the emulator answers by scanning every instance;
        // run every 10 s it would land inside timed requests. Nothing here leaves events undelivered.
        "--storage.events.outbox-sweep-interval=PT1H",
        // Likewise the clean-up of deleted instances (a scheduled scan); the benchmark deletes nothing.
        "--storage.cleanup.enabled=false",
        "--spring.main.banner-mode=off",
        "--logging.level.root=WARN",
        // The emulator warns of every index it ignores (the store description says so once), SpringDoc of its
        // endpoints being on.
        "--logging.level.de.bwaldvogel.mongo=ERROR",
        "--logging.level.org.springdoc=ERROR"));
    if (ownDatabase) {
      args.add("--storage.mongodb.database=bench_query_" + System.currentTimeMillis());
    }
    ConfigurableApplicationContext context = SpringApplication.run(StorageApplication.class,
        args.toArray(String[]::new));
    StorageProcess storage = new StorageProcess(context, dataDir, ownDatabase,
        mongoUri == null ? EMULATOR
            : Identity.of(mongoUri, context.getBean(MongoTemplate.class).getDb()).description());
    storage.requireNoInstances();
    return storage;
  }

  int port() {
    return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
  }

  InstanceStore store() {
    return context.getBean(InstanceStore.class);
  }

  /** Which store the figures come from; for MongoDB its version, hosts and database, never credentials. */
  String storeDescription() {
    return store;
  }

  @Override
  public void close() {
    if (ownDatabase) {
      context.getBean(MongoTemplate.class).getDb().drop();
    }
    context.close();
    ServiceProcess.deleteRecursively(dataDir);
  }

  private void requireNoInstances() {
    MongoTemplate mongo = context.getBean(MongoTemplate.class);
    long existing = mongo.getCollection("instances").estimatedDocumentCount();
    if (existing > 0) {
      close();
      throw new IllegalStateException("The database " + mongo.getDb().getName() + " already holds " + existing
          + " instances; the benchmark needs an empty one (or a URI without a database: it then makes its own).");
    }
  }

  /**
   * A store at a connection string as the reports name it, and whether it is a MongoDB build: every one reports its
   * {@code gitVersion} in {@code buildInfo}, which the emulator (mongo-java-server, calling itself 5.0.0) does not.
   *
   * @param description its version, hosts and database, never the credentials; a server that is not MongoDB is named
   *     an emulator, so that its figures are never taken for MongoDB's
   * @param mongoDb whether it is MongoDB, which can explain its plans
   */
  record Identity(String description, boolean mongoDb) {

    static Identity of(String uri, MongoDatabase database) {
      String where = " at " + String.join(",", new ConnectionString(uri).getHosts()) + "/" + database.getName();
      Document info = database.runCommand(new Document("buildInfo", 1));
      String version = info.getString("version");
      return info.containsKey("gitVersion") ? new Identity("MongoDB " + version + where, true)
          : new Identity("an emulator, not MongoDB (its buildInfo says version " + version + " but names no build)"
              + where, false);
    }
  }
}

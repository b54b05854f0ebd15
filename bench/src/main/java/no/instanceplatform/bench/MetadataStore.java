package no.instanceplatform.bench;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.instanceplatform.storage.mongo.EmulatorServer;
import no.instanceplatform.testkit.ServiceProcess;
import no.instanceplatform.testkit.ThisClassPath;
import org.bson.Document;

/**
 * Where the metadata are, for Storage and for the driver baselines alike: the emulator in a process of its own
 * ({@link EmulatorServer}), or the MongoDB at {@code MONGODB_URI}. On a MongoDB whose URI names no database the run
 * works in a database of its own, dropped when it closes; a database named in the URI must hold no instances.
 */
final class MetadataStore implements AutoCloseable {

  static final String EMULATOR = "mongo-java-server emulator (in memory, no secondary indexes; in a process of its "
      + "own)";
  private static final String DATABASE = "storage";

  private final String uri;
  private String description;
  private final ServiceProcess emulator;
  /** An emulator at {@code MONGODB_URI} rather than a MongoDB. */
  private boolean emulatorAtUri;
  private final MongoClient client;
  private final boolean ownDatabase;

  private MetadataStore(String uri, String description, ServiceProcess emulator, boolean ownDatabase) {
    this.uri = uri;
    this.description = description;
    this.emulator = emulator;
    this.ownDatabase = ownDatabase;
    this.client = MongoClients.create(uri);
  }

  /** The emulator with {@code -Xmx{heap}} when {@code mongoUri} is null, otherwise that MongoDB. */
  static MetadataStore start(String mongoUri, String emulatorHeap) {
    if (mongoUri == null) {
      int port = ServiceProcess.freePort();
      List<String> launch = new ArrayList<>(ThisClassPath.of(EmulatorServer.class));
      launch.add(Integer.toString(port));
      ServiceProcess emulator = ServiceProcess.start(new ServiceProcess.Spec("emulator", emulatorHeap,
          List.of("-Dlogback.configurationFile=bench-logback.xml"), launch, null, Duration.ofSeconds(60)), port,
          ServiceProcess.temporaryDirectory("bench-emulator-"));
      return new MetadataStore("mongodb://127.0.0.1:" + port + "/" + DATABASE, EMULATOR, emulator, false);
    }
    ConnectionString parsed = new ConnectionString(mongoUri);
    boolean own = parsed.getDatabase() == null;
    String uri = own ? withDatabase(mongoUri, "bench_run_" + System.currentTimeMillis()) : mongoUri;
    MetadataStore store = new MetadataStore(uri, null, null, own);
    StorageProcess.Identity identity = StorageProcess.Identity.of(uri, store.database());
    store.description = identity.description();
    store.emulatorAtUri = !identity.mongoDb();
    return store;
  }

  /** The connection string, with the database. */
  String uri() {
    return uri;
  }

  /** Which store the figures come from; for MongoDB its version, hosts and database, never credentials. */
  String description() {
    return description;
  }

  /** Whether the store is an emulator (the benchmark's own, or one at {@code MONGODB_URI}): no planner to explain. */
  boolean isEmulator() {
    return emulator != null || emulatorAtUri;
  }

  /** The emulator's process, when the store is the emulator. */
  Optional<ServiceProcess> emulator() {
    return Optional.ofNullable(emulator);
  }

  /** The database Storage works in, through the benchmark's own driver (for the baselines). */
  MongoDatabase database() {
    return client.getDatabase(new ConnectionString(uri).getDatabase());
  }

  @Override
  public void close() {
    if (ownDatabase) {
      database().drop();
    }
    client.close();
    if (emulator != null) {
      emulator.close();
    }
  }

  private static String withDatabase(String uri, String database) {
    int query = uri.indexOf('?');
    String base = query < 0 ? uri : uri.substring(0, query);
    String options = query < 0 ? "" : uri.substring(query);
    return (base.endsWith("/") ? base : base + "/") + database + options;
  }
}

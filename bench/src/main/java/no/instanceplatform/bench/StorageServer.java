package no.instanceplatform.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import no.instanceplatform.testkit.ServiceProcess;

/**
 * Storage as it is deployed: its runnable jar ({@code storage-api/target/storage-api-*-exec.jar}) in a JVM of its
 * own ({@link ServiceProcess}), with the heap it is given, on a free loopback port, with the local platform on (its
 * test tokens, issued for this very address so that another service can validate them by OpenID discovery). The
 * metadata go to the embedded MongoDB emulator in memory, or to the MongoDB (or emulator) at a given URI; blobs go to
 * files under its own temporary data folder, or to Azure Blob Storage (Azurite) when given a connection string.
 */
final class StorageServer implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  /**
   * How to start Storage.
   *
   * @param maxHeap the JVM's -Xmx, e.g. {@code 256m}
   * @param azureConnectionString blobs in this Azure account (Azurite), or null for files in the data folder
   * @param mongoUri the metadata store, with its database; null for the embedded emulator in memory
   * @param jvmOptions more JVM options (e.g. a flight recording), before {@code -jar}
   */
  record Config(String maxHeap, String azureConnectionString, String mongoUri, List<String> jvmOptions) {

    static Config fileSystem(String maxHeap) {
      return new Config(maxHeap, null, null, List.of());
    }

    static Config azure(String maxHeap, String connectionString) {
      return new Config(maxHeap, connectionString, null, List.of());
    }

    Config withJvmOptions(List<String> options) {
      return new Config(maxHeap, azureConnectionString, mongoUri, List.copyOf(options));
    }

    Config withMongoUri(String uri) {
      return new Config(maxHeap, azureConnectionString, uri, jvmOptions);
    }
  }

  private final ServiceProcess service;

  private StorageServer(ServiceProcess service) {
    this.service = service;
  }

  /** Starts Storage and waits until its health endpoint answers 200 (at most two minutes). */
  static StorageServer start(Config config) {
    Path workDir = ServiceProcess.temporaryDirectory("bench-storage-");
    int port = ServiceProcess.freePort();
    List<String> launch = new ArrayList<>(List.of("-jar", ServiceJar.STORAGE.find().toString(),
        "--server.port=" + port,
        "--server.address=127.0.0.1",
        "--storage.local-platform.enabled=true",
        // The tokens' issuer: where the App API finds the keys (OpenID discovery checks that the two are equal).
        "--storage.platform-base-url=http://127.0.0.1:" + port,
        "--storage.data-dir=" + workDir.resolve("data"),
        // Set even when empty, so that MONGODB_URI or STORAGE_BLOB_AZURE_* in the environment cannot pick another
        // store.
        "--storage.mongodb.uri=" + (config.mongoUri() == null ? "" : config.mongoUri()),
        "--storage.mongodb.embedded-in-memory=true",
        "--storage.blob.azure.connection-string="
            + (config.azureConnectionString() == null ? "" : config.azureConnectionString()),
        "--storage.blob.azure.endpoint=",
        "--storage.query.continuation-secret=bench-only-secret",
        // Scheduled scans of the emulator (the outbox sweep, the clean-up of deleted instances) would land inside
        // timed requests; nothing here needs them.
        "--storage.events.outbox-sweep-interval=PT1H",
        "--storage.cleanup.enabled=false",
        "--spring.main.banner-mode=off",
        "--logging.level.de.bwaldvogel.mongo=ERROR",
        "--logging.level.org.springdoc=ERROR"));
    return new StorageServer(ServiceProcess.start(new ServiceProcess.Spec("Storage", config.maxHeap(),
        config.jvmOptions(), launch, "/actuator/health", START_TIMEOUT), port, workDir));
  }

  ServiceProcess process() {
    return service;
  }

  int port() {
    return service.port();
  }

  String baseUrl() {
    return service.baseUrl();
  }

  long pid() {
    return service.pid();
  }

  boolean isAlive() {
    return service.isAlive();
  }

  /** Where blobs are when they are files: {@code {data dir}/blobs}. */
  Path blobRoot() {
    return service.workDir().resolve("data").resolve("blobs");
  }

  /** Storage's output so far (stdout and stderr). */
  String log() {
    return service.log();
  }

  /** Stops Storage (SIGTERM), forcibly after 30 s, and waits until it has exited; answers its exit code. */
  int stop() {
    return service.stop();
  }

  @Override
  public void close() {
    service.close();
  }
}

package no.instanceplatform.app.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import no.instanceplatform.app.support.InProcessStorage;
import no.instanceplatform.storage.StorageApplication;
import no.instanceplatform.storage.mongo.EmulatorServer;
import no.instanceplatform.testkit.ServiceProcess;
import no.instanceplatform.testkit.ThisClassPath;

/**
 * Storage in a JVM of its own that a test can kill as a crash would ({@code kill -9}) and start again on the same
 * port, with the same files, signing key and store: its metadata are in the MongoDB emulator in another process of
 * its own, so they outlive Storage, and its files and key in a folder under {@code target/}. Both run on this JVM's
 * class path.
 */
final class CrashableStorage implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  private final ServiceProcess emulator;
  private final int port = ServiceProcess.freePort();
  private final Path dir;
  private ServiceProcess storage;
  private int crashes;

  private CrashableStorage(ServiceProcess emulator, Path dir) {
    this.emulator = emulator;
    this.dir = dir;
  }

  /** Starts the emulator, then Storage on it with these extra arguments. */
  static CrashableStorage start(Path dir, String... arguments) {
    int emulatorPort = ServiceProcess.freePort();
    List<String> launch = new ArrayList<>(ThisClassPath.of(EmulatorServer.class));
    launch.add(Integer.toString(emulatorPort));
    ServiceProcess emulator = ServiceProcess.start(new ServiceProcess.Spec("emulator", "512m", List.of(), launch,
        null, Duration.ofSeconds(60)), emulatorPort, ServiceProcess.temporaryDirectory("crash-emulator-"));
    CrashableStorage crashable = new CrashableStorage(emulator, dir.toAbsolutePath());
    crashable.startStorage(arguments);
    return crashable;
  }

  /** {@code kill -9}: Storage stops wherever it is, with no shutdown of any kind. */
  void kill() {
    storage.kill();
    keepLog();
    storage.close();
    crashes++;
  }

  /** Starts Storage again, on the same port, files and store, with these extra arguments; waits until it is up. */
  void restart(String... arguments) {
    startStorage(arguments);
  }

  int crashes() {
    return crashes;
  }

  String root() {
    return "http://localhost:" + port;
  }

  String apiUrl() {
    return root() + "/storage/api/v1";
  }

  String issuerUri() {
    return root() + "/authentication/api/v1/openid/";
  }

  String mongoUri() {
    return "mongodb://127.0.0.1:" + emulator.port() + "/storage";
  }

  /** Where Storage keeps its files: {@code {data dir}/blobs}. */
  Path blobs() {
    return dir.resolve("blobs");
  }

  @Override
  public void close() {
    if (storage != null) {
      storage.stop();
      keepLog();
      storage.close();
    }
    emulator.close();
  }

  /** Each run's output outlives its process, in {@code {dir}/logs/storage-{run}.log}, for whoever reads a failure. */
  private void keepLog() {
    try {
      Path logs = Files.createDirectories(dir.resolve("logs"));
      Files.writeString(logs.resolve("storage-" + (crashes + 1) + ".log"), storage.log());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void startStorage(String... arguments) {
    List<String> launch = new ArrayList<>(ThisClassPath.of(StorageApplication.class));
    launch.addAll(InProcessStorage.arguments(port, dir, mongoUri()));
    launch.addAll(List.of(arguments));
    storage = ServiceProcess.start(new ServiceProcess.Spec("Storage", "384m", List.of(), launch,
        "/actuator/health", START_TIMEOUT), port, ServiceProcess.temporaryDirectory("crash-storage-"));
  }
}

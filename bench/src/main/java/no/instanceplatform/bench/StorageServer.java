package no.instanceplatform.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Storage as it is deployed: its runnable jar ({@code storage-api/target/storage-api-*-exec.jar}) in a JVM of its
 * own (the JDK running this one, {@code java.home}), with the heap it is given, on a free loopback port, with the
 * local platform on (its test tokens) and the embedded MongoDB emulator in memory. Blobs go to files under its own
 * temporary data folder, or to Azure Blob Storage (Azurite) when given a connection string. Its output goes to a
 * log file, which {@link #log()} reads. {@link #close()} stops it (and waits for it) and removes its folder.
 */
final class StorageServer implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  /**
   * How to start Storage.
   *
   * @param maxHeap the JVM's -Xmx, e.g. {@code 256m}
   * @param azureConnectionString blobs in this Azure account (Azurite), or null for files in the data folder
   * @param jvmOptions more JVM options (e.g. a flight recording), before {@code -jar}
   */
  record Config(String maxHeap, String azureConnectionString, List<String> jvmOptions) {

    static Config fileSystem(String maxHeap) {
      return new Config(maxHeap, null, List.of());
    }

    static Config azure(String maxHeap, String connectionString) {
      return new Config(maxHeap, connectionString, List.of());
    }

    Config withJvmOptions(List<String> options) {
      return new Config(maxHeap, azureConnectionString, List.copyOf(options));
    }
  }

  private final Process process;
  private final Path workDir;
  private final Path log;
  private final int port;
  private final Thread shutdownHook;
  private volatile Integer exitCode;

  private StorageServer(Process process, Path workDir, Path log, int port) {
    this.process = process;
    this.workDir = workDir;
    this.log = log;
    this.port = port;
    this.shutdownHook = new Thread(this::stopQuietly, "storage-server-stop");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Starts Storage and waits until its health endpoint answers 200 (at most two minutes). */
  static StorageServer start(Config config) {
    Path jar = StorageJar.find();
    Path workDir = temporaryDirectory();
    Path log = workDir.resolve("storage.log");
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + config.maxHeap());
    command.addAll(config.jvmOptions());
    command.addAll(List.of("-jar", jar.toString(),
        "--server.port=" + port,
        "--server.address=127.0.0.1",
        "--storage.local-platform.enabled=true",
        "--storage.data-dir=" + workDir.resolve("data"),
        // Empty, so that MONGODB_URI or STORAGE_BLOB_AZURE_* in the environment cannot pick another store.
        "--storage.mongodb.uri=",
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
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    } catch (IOException e) {
      deleteRecursively(workDir);
      throw new UncheckedIOException("Cannot start " + String.join(" ", command), e);
    }
    StorageServer server = new StorageServer(process, workDir, log, port);
    try {
      server.awaitHealthy();
      return server;
    } catch (RuntimeException e) {
      String output = server.log();
      server.close();
      throw new IllegalStateException(e.getMessage() + "\n--- Storage's output ---\n" + tail(output, 8_000), e);
    }
  }

  int port() {
    return port;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Where blobs are when they are files: {@code {data dir}/blobs}. */
  Path blobRoot() {
    return workDir.resolve("data").resolve("blobs");
  }

  /** Storage's output so far (stdout and stderr). */
  String log() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Stops Storage as an orchestrator would (SIGTERM: a graceful shutdown), forcibly after 30 s, and waits until it
   * has exited. Answers its exit code.
   */
  synchronized int stop() {
    if (exitCode != null) {
      return exitCode;
    }
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    exitCode = process.isAlive() ? -1 : process.exitValue();
    return exitCode;
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook runs, and stop() is idempotent.
    }
    deleteRecursively(workDir);
  }

  private void stopQuietly() {
    try {
      stop();
    } catch (RuntimeException e) {
      // The JVM is exiting.
    }
  }

  private void awaitHealthy() {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
        .timeout(Duration.ofSeconds(10)).GET().build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Storage exited at start with code " + process.exitValue());
      }
      try {
        HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
        last = response.statusCode() + " " + response.body();
      } catch (IOException e) {
        last = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while Storage started", e);
      }
      sleep(250);
    }
    throw new IllegalStateException("Storage was not healthy within " + START_TIMEOUT.toSeconds() + " s on port "
        + port + "; last: " + last);
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }

  static String tail(String text, int chars) {
    return text.length() <= chars ? text : "..." + text.substring(text.length() - chars);
  }

  /** Splits the options of an environment variable at white space; empty when it is unset. */
  static List<String> options(String value) {
    return value == null || value.isBlank() ? List.of() : Arrays.asList(value.trim().split("\\s+"));
  }

  static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("bench-storage-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteRecursively(Path directory) {
    if (directory == null || !Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // A temporary folder left behind is harmless.
    }
  }
}

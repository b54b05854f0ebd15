package no.instanceplatform.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Azurite's blob service (the Azure Storage emulator, a Node.js program) on a free loopback port, its data in a
 * temporary folder, stopped with its children on {@link #close()}. The launcher is {@code azurite-blob} beside
 * {@code $AZURITE_BIN} (which {@code bin/test} exports), or in {@code .tools/azurite/node_modules/.bin/} of the
 * repository, looked for from the working folder and its parents (Maven runs a module's tests in the module's
 * folder). The benchmarks use it, and storage-api's tests through their JUnit extension.
 */
public final class Azurite implements AutoCloseable {

  /** Azurite's well-known development account (public, not a secret). */
  public static final String ACCOUNT_NAME = "devstoreaccount1";

  public static final String ACCOUNT_KEY =
      "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

  private static final String LAUNCHER = "azurite-blob";
  private static final Path REPOSITORY_LAUNCHER = Path.of(".tools", "azurite", "node_modules", ".bin", LAUNCHER);
  private static final long START_TIMEOUT_MILLIS = 30_000;
  private static final Pattern VERSION = Pattern.compile("\"version\":\\s*\"([^\"]+)\"");

  private final Process process;
  private final Path workDir;
  private final int port;
  private final Path launcher;
  private final Thread shutdownHook;
  private boolean stopped;

  private Azurite(Process process, Path workDir, int port, Path launcher) {
    this.process = process;
    this.workDir = workDir;
    this.port = port;
    this.launcher = launcher;
    this.shutdownHook = new Thread(this::stop, "azurite-stop");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** The launcher, if Azurite is installed. */
  public static Optional<Path> findLauncher() {
    List<Path> candidates = new ArrayList<>();
    String azuriteBin = System.getenv("AZURITE_BIN");
    if (azuriteBin != null && !azuriteBin.isBlank()) {
      candidates.add(Path.of(azuriteBin).resolveSibling(LAUNCHER));
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      candidates.add(dir.resolve(REPOSITORY_LAUNCHER));
    }
    return candidates.stream().filter(Files::isExecutable).findFirst();
  }

  public static String notInstalled() {
    return "Azurite is not installed: no " + LAUNCHER + " beside $AZURITE_BIN (" + System.getenv("AZURITE_BIN")
        + ") nor in " + REPOSITORY_LAUNCHER + " of the repository; run bin/test (it installs Azurite with npm) or "
        + "set AZURITE_BIN";
  }

  /**
   * For a test that needs Azurite: skips it when Azurite is not installed, except with {@code CI=true}: CI installs
   * Azurite, so a missing one there is a broken build.
   */
  public static void requireForTest() {
    if (findLauncher().isEmpty()) {
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException("CI=true, where Azurite must be installed. " + notInstalled());
      }
      Assumptions.abort(notInstalled());
    }
  }

  /** Starts Azurite and waits until it listens (at most 30 s). */
  public static Azurite start() {
    Path launcher = findLauncher().orElseThrow(() -> new IllegalStateException(notInstalled()));
    int port = ServiceProcess.freePort();
    Path workDir;
    Process process;
    try {
      workDir = Files.createTempDirectory("azurite-");
      Path location = Files.createDirectory(workDir.resolve("data"));
      process = new ProcessBuilder(launcher.toString(), "--blobHost", "127.0.0.1", "--blobPort",
          Integer.toString(port), "--location", location.toString(), "--silent", "--skipApiVersionCheck", "--loose",
          "--disableTelemetry")
          .redirectErrorStream(true)
          .redirectOutput(workDir.resolve("azurite.log").toFile())
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + launcher, e);
    }
    Azurite azurite = new Azurite(process, workDir, port, launcher);
    long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
    while (!ServiceProcess.listens(port)) {
      if (!process.isAlive() || System.currentTimeMillis() > deadline) {
        String output = azurite.log();
        boolean died = !process.isAlive();
        azurite.close();
        throw new IllegalStateException((died ? "Azurite (" + launcher + ") exited at start"
            : "Azurite (" + launcher + ") did not listen on port " + port + " within 30 s") + ":\n" + output);
      }
      ServiceProcess.sleep(100);
    }
    return azurite;
  }

  public int port() {
    return port;
  }

  /** The account's blob endpoint, {@code http://127.0.0.1:{port}/devstoreaccount1}. */
  public String blobEndpoint() {
    return "http://127.0.0.1:" + port + "/" + ACCOUNT_NAME;
  }

  /** A connection string of the development account on this instance. */
  public String connectionString() {
    return "DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT_NAME + ";AccountKey=" + ACCOUNT_KEY
        + ";BlobEndpoint=" + blobEndpoint() + ";";
  }

  /** Azurite's version, from the package.json of the package that holds the launcher, for the report. */
  public String version() {
    try {
      // The launcher is a link into the package (node_modules/azurite/dist/src/blob/main.js).
      for (Path dir = launcher.toRealPath().getParent(); dir != null; dir = dir.getParent()) {
        Path pkg = dir.resolve("package.json");
        if (Files.isRegularFile(pkg)) {
          String json = Files.readString(pkg, StandardCharsets.UTF_8);
          Matcher version = VERSION.matcher(json);
          if (json.contains("\"name\": \"azurite\"") && version.find()) {
            return version.group(1);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // Unknown, then.
    }
    return "(version unknown)";
  }

  /** Azurite's process and its children (the launcher is a Node script). */
  public List<ProcessHandle> processes() {
    List<ProcessHandle> all = new ArrayList<>();
    all.add(process.toHandle());
    all.addAll(process.toHandle().descendants().toList());
    return all;
  }

  public String log() {
    try {
      Path log = workDir.resolve("azurite.log");
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public void close() {
    stop();
    ServiceProcess.removeShutdownHook(shutdownHook);
  }

  private synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    List<ProcessHandle> children = process.toHandle().descendants().toList();
    children.forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    ServiceProcess.deleteRecursively(workDir);
  }
}

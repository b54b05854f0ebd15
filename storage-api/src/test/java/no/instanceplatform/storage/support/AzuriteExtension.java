package no.instanceplatform.storage.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Azurite's blob service, started for one test class and stopped after it, on a free port with its data in a
 * temporary folder:
 *
 * <pre>{@code @RegisterExtension static final AzuriteExtension azurite = new AzuriteExtension();}</pre>
 *
 * <p>The launcher is {@code azurite-blob} beside {@code $AZURITE_BIN} (which {@code bin/test} exports, pointing
 * at {@code azurite}), or in {@code .tools/azurite/node_modules/.bin/} of the repository (looked for from the
 * working folder and its parents, since Maven runs a module's tests in the module's folder). Without one the
 * class is skipped, except with {@code CI=true}: CI installs Azurite, so a missing one there is a broken build.
 */
public final class AzuriteExtension implements BeforeAllCallback, AfterAllCallback {

  /** Azurite's well-known development account (public, not a secret). */
  public static final String ACCOUNT_NAME = "devstoreaccount1";

  public static final String ACCOUNT_KEY =
      "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

  private static final String LAUNCHER = "azurite-blob";
  private static final Path REPOSITORY_LAUNCHER = Path.of(".tools", "azurite", "node_modules", ".bin", LAUNCHER);
  private static final long START_TIMEOUT_MILLIS = 30_000;

  private Process process;
  private Path workDir;
  private int port;
  private Thread shutdownHook;

  /** A connection string of the development account on this instance. */
  public String connectionString() {
    return "DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT_NAME + ";AccountKey=" + ACCOUNT_KEY
        + ";BlobEndpoint=" + blobEndpoint() + ";";
  }

  /** The port of the blob service. */
  public int port() {
    return port;
  }

  /** The account's blob endpoint, {@code http://127.0.0.1:{port}/devstoreaccount1}. */
  public String blobEndpoint() {
    return "http://127.0.0.1:" + port + "/" + ACCOUNT_NAME;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    Optional<Path> launcher = findLauncher();
    if (launcher.isEmpty()) {
      String reason = "Azurite is not installed: no " + LAUNCHER + " beside $AZURITE_BIN ("
          + System.getenv("AZURITE_BIN") + ") nor in " + REPOSITORY_LAUNCHER + " of the repository. Run bin/test, "
          + "which installs it with npm, or set AZURITE_BIN.";
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException("CI=true, where Azurite must be installed. " + reason);
      }
      Assumptions.abort(reason);
    }
    start(launcher.get());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
    if (shutdownHook != null) {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
      shutdownHook = null;
    }
  }

  private static Optional<Path> findLauncher() {
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

  private void start(Path launcher) throws IOException, InterruptedException {
    port = freePort();
    workDir = Files.createTempDirectory("azurite-");
    Path location = Files.createDirectory(workDir.resolve("data"));
    Path log = workDir.resolve("azurite.log");
    process = new ProcessBuilder(launcher.toString(), "--blobHost", "127.0.0.1", "--blobPort",
        Integer.toString(port), "--location", location.toString(), "--silent", "--skipApiVersionCheck", "--loose")
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    shutdownHook = new Thread(this::stop, "azurite-stop");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
    while (!answers(port)) {
      if (!process.isAlive() || System.currentTimeMillis() > deadline) {
        String output = Files.readString(log, StandardCharsets.UTF_8);
        boolean died = !process.isAlive();
        stop();
        throw new IllegalStateException((died ? "Azurite (" + launcher + ") exited at start"
            : "Azurite (" + launcher + ") did not listen on port " + port + " within 30 s") + ":\n" + output);
      }
      Thread.sleep(100);
    }
  }

  private synchronized void stop() {
    if (process != null) {
      // The launcher is a node script; stop whatever it started, then it.
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
      process = null;
    }
    if (workDir != null) {
      deleteRecursively(workDir);
      workDir = null;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static boolean answers(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.deleteIfExists(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      // A temporary folder; the OS cleans up what is left.
    }
  }
}

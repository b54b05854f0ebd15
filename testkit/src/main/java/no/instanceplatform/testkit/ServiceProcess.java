package no.instanceplatform.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
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
 * A service in a JVM of its own (the JDK running this one, {@code java.home}) on a loopback port, started from a jar:
 * its output goes to a log file in its own temporary folder, it is ready when a URL answers 200 (or, without one,
 * when its port takes connections), {@link #close()} stops it as an orchestrator would (SIGTERM, forcibly after
 * 30 s), waits for it and removes its folder, and {@link #kill()} crashes it. A shutdown hook stops it if the JVM
 * that started it ends first. The benchmarks run the services this way, and so do the tests that crash one.
 */
public final class ServiceProcess implements AutoCloseable {

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  /**
   * What to start.
   *
   * @param name for messages, e.g. {@code Storage}
   * @param maxHeap the JVM's heap, e.g. {@code 256m}: its -Xmx and its -Xms, as the Docker image gives a service its
   *     heap up front (docs/PERFORMANCE.md, "A heap given up front")
   * @param jvmOptions more JVM options (a flight recording, system properties), before the class path
   * @param launch {@code -jar x.jar}, or a class path and a main class, then the program's arguments
   * @param ready a path on the service that answers 200 once it is ready (e.g. {@code /actuator/health}), or null
   *     to wait only until the port takes connections
   * @param startTimeout how long it may take to become ready
   */
  public record Spec(String name, String maxHeap, List<String> jvmOptions, List<String> launch, String ready,
      Duration startTimeout) {}

  private final String name;
  private final Process process;
  private final Path workDir;
  private final Path log;
  private final int port;
  private final Thread shutdownHook;
  private volatile Integer exitCode;

  private ServiceProcess(String name, Process process, Path workDir, int port) {
    this.name = name;
    this.process = process;
    this.workDir = workDir;
    this.log = workDir.resolve("output.log");
    this.port = port;
    this.shutdownHook = new Thread(this::stopQuietly, name + "-stop");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts the service on {@code port} in {@code workDir} (which it then owns and removes) and waits until it is
   * ready; on failure it is stopped and the error carries the end of its output.
   */
  public static ServiceProcess start(Spec spec, int port, Path workDir) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + spec.maxHeap());
    command.add("-Xms" + spec.maxHeap());
    command.addAll(spec.jvmOptions());
    command.addAll(spec.launch());
    Process process;
    try {
      process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
          .redirectOutput(workDir.resolve("output.log").toFile()).start();
    } catch (IOException e) {
      deleteRecursively(workDir);
      throw new UncheckedIOException("Cannot start " + String.join(" ", command), e);
    }
    ServiceProcess service = new ServiceProcess(spec.name(), process, workDir, port);
    try {
      service.awaitReady(spec.ready(), spec.startTimeout());
      return service;
    } catch (RuntimeException e) {
      String output = service.log();
      service.close();
      throw new IllegalStateException(e.getMessage() + "\n--- " + spec.name() + "'s output ---\n"
          + tail(output, 8_000), e);
    }
  }

  public String name() {
    return name;
  }

  public int port() {
    return port;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public Path workDir() {
    return workDir;
  }

  /** The service's output so far (stdout and stderr). */
  public String log() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the service (SIGTERM: a graceful shutdown), forcibly after 30 s; waits until it has exited. */
  public synchronized int stop() {
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

  /**
   * Kills the service as a crash would: SIGKILL ({@code kill -9}), no shutdown of any kind; waits until it has
   * exited. Its folder stays, for its log; {@link #close()} removes it.
   */
  public synchronized int kill() {
    if (exitCode != null) {
      return exitCode;
    }
    process.destroyForcibly();
    try {
      process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    exitCode = process.isAlive() ? -1 : process.exitValue();
    return exitCode;
  }

  @Override
  public void close() {
    stop();
    removeShutdownHook(shutdownHook);
    deleteRecursively(workDir);
  }

  /** Removes a hook that stops a process, unless the JVM is already exiting (the hook then runs, and stops it). */
  public static void removeShutdownHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // Already shutting down.
    }
  }

  private void stopQuietly() {
    try {
      stop();
    } catch (RuntimeException e) {
      // The JVM is exiting.
    }
  }

  private void awaitReady(String readyPath, Duration timeout) {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited at start with code " + process.exitValue());
      }
      if (readyPath == null) {
        if (listens(port)) {
          return;
        }
      } else {
        try {
          HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + readyPath))
              .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() == 200) {
            return;
          }
          last = response.statusCode() + " " + tail(response.body(), 500);
        } catch (IOException e) {
          last = e.toString();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Interrupted while " + name + " started", e);
        }
      }
      sleep(250);
    }
    throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s on port " + port
        + (readyPath == null ? "" : " (" + readyPath + "); last: " + last));
  }

  /** Whether something takes connections on the loopback {@code port}. */
  public static boolean listens(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }

  public static String tail(String text, int chars) {
    return text.length() <= chars ? text : "..." + text.substring(text.length() - chars);
  }

  /** Splits the options of an environment variable at white space; empty when it is unset. */
  public static List<String> options(String value) {
    return value == null || value.isBlank() ? List.of() : Arrays.asList(value.trim().split("\\s+"));
  }

  public static Path temporaryDirectory(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void deleteRecursively(Path directory) {
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

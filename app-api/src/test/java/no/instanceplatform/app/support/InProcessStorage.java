package no.instanceplatform.app.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import no.instanceplatform.storage.StorageApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real Storage (storage-api's plain jar) in the tests' JVM on a free port, with its local platform and an in-memory
 * MongoDB emulator. Both services' {@code application.yml} are {@code classpath:application.yml}, and the App API's
 * comes first; so Storage's own is copied out of its jar and given as its only config file, and everything the test
 * sets is a command-line argument (which outranks config files).
 */
public final class InProcessStorage implements AutoCloseable {

  private final int port;
  private final ConfigurableApplicationContext context;

  private InProcessStorage(int port, ConfigurableApplicationContext context) {
    this.port = port;
    this.context = context;
  }

  public static InProcessStorage start() {
    int port = freePort();
    ConfigurableApplicationContext context = new SpringApplicationBuilder(StorageApplication.class)
        .run(arguments(port, Path.of("target", "test-storage"), "").toArray(String[]::new));
    return new InProcessStorage(port, context);
  }

  /**
   * Storage's command line in the App API's tests: on {@code port}, with its local platform (the tokens' issuer at
   * {@code http://localhost:port}), its files, signing key and config file under {@code dir}, its metadata in the
   * MongoDB at {@code mongoUri}, or in the emulator in memory when that is empty.
   */
  public static List<String> arguments(int port, Path dir, String mongoUri) {
    return List.of(
        "--spring.config.location=" + storageConfig(dir).toUri(),
        "--spring.application.name=storage-api-test",
        "--spring.jmx.enabled=false",
        "--spring.main.banner-mode=off",
        "--server.port=" + port,
        "--storage.platform-base-url=http://localhost:" + port,
        "--storage.local-platform.enabled=true",
        "--storage.mongodb.uri=" + mongoUri,
        "--storage.mongodb.embedded-in-memory=true",
        "--storage.data-dir=" + dir.toAbsolutePath(),
        "--storage.local-platform.signing-key-file=" + dir.toAbsolutePath().resolve("key.json"),
        "--storage.blob.azure.connection-string=",
        "--storage.blob.azure.endpoint=",
        "--storage.query.continuation-secret=app-api-tests-only",
        "--logging.level.de.bwaldvogel.mongo=ERROR");
  }

  public int port() {
    return port;
  }

  public String root() {
    return "http://localhost:" + port;
  }

  public String apiUrl() {
    return root() + "/storage/api/v1";
  }

  public String issuerUri() {
    return root() + "/authentication/api/v1/openid/";
  }

  @Override
  public void close() {
    context.close();
  }

  private static Path storageConfig(Path dir) {
    try {
      Files.createDirectories(dir);
      Path config = dir.resolve("storage-application.yml");
      for (URL url : Collections.list(InProcessStorage.class.getClassLoader().getResources("application.yml"))) {
        if (url.toString().contains("storage-api")) {
          try (InputStream in = url.openStream()) {
            Files.write(config, in.readAllBytes());
          }
          return config.toAbsolutePath();
        }
      }
      throw new IllegalStateException("storage-api's application.yml is not on the test class path");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

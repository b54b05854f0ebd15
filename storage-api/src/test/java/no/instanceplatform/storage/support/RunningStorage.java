package no.instanceplatform.storage.support;

import java.util.stream.Stream;
import no.instanceplatform.storage.StorageApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Storage started once per test JVM for the property tests, which jqwik runs outside Spring's test support: the
 * settings of {@link IntegrationTest} (embedded MongoDB emulator in memory, local platform), on a random port, with
 * a data folder of its own so that its files never meet the integration tests'. It stops with the JVM.
 */
public final class RunningStorage {

  private static ConfigurableApplicationContext context;

  private RunningStorage() {}

  public static synchronized ConfigurableApplicationContext context() {
    if (context == null) {
      // As command-line arguments, which win over application.yml as the test's properties do (builder
      // properties would only be defaults).
      String[] arguments = Stream.concat(
              Stream.of(IntegrationTest.class.getAnnotation(SpringBootTest.class).properties()),
              Stream.of("server.port=0", "storage.data-dir=target/property-test-data",
                  "storage.local-platform.signing-key-file=target/property-test-data/signing-key.jwk.json"))
          .map(property -> "--" + property).toArray(String[]::new);
      context = new SpringApplicationBuilder(StorageApplication.class).run(arguments);
      Runtime.getRuntime().addShutdownHook(new Thread(context::close));
    }
    return context;
  }

  public static int port() {
    return ((WebServerApplicationContext) context()).getWebServer().getPort();
  }

  public static <T> T bean(Class<T> type) {
    return context().getBean(type);
  }
}

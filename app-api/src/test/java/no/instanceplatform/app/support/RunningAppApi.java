package no.instanceplatform.app.support;

import no.instanceplatform.app.AppApiApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The App API started once per test JVM for the property tests, which jqwik runs outside Spring's test support:
 * on a random port, on the shared Storage, as {@link AppApiIntegrationTest}'s context is. It stops with the JVM.
 */
public final class RunningAppApi {

  private static ConfigurableApplicationContext context;

  private RunningAppApi() {}

  public static synchronized int port() {
    if (context == null) {
      InProcessStorage storage = SharedStorage.INSTANCE;
      // As command-line arguments, which win over application.yml as the test context's properties do.
      context = new SpringApplicationBuilder(AppApiApplication.class).run("--server.port=0",
          "--spring.jmx.enabled=false", "--app.storage-url=" + storage.apiUrl(),
          "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + storage.issuerUri());
      Runtime.getRuntime().addShutdownHook(new Thread(context::close));
    }
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }
}

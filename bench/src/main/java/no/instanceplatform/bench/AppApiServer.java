package no.instanceplatform.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import no.instanceplatform.testkit.ServiceProcess;

/**
 * The App API as it is deployed: its runnable jar ({@code app-api/target/app-api-*-exec.jar}) in a JVM of its own
 * ({@link ServiceProcess}) on a free loopback port, hosting the apps it packages, in front of a running Storage: it
 * validates tokens with Storage's local platform keys (OpenID discovery) and registers the sample app
 * {@value #APP} in Storage in the background. Ready once that app's metadata answers 200, read back from Storage.
 */
final class AppApiServer implements AutoCloseable {

  static final String APP = "test/sailor";

  private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

  private final ServiceProcess service;

  private AppApiServer(ServiceProcess service) {
    this.service = service;
  }

  static AppApiServer start(StorageServer storage, String maxHeap, List<String> jvmOptions) {
    Path workDir = ServiceProcess.temporaryDirectory("bench-app-api-");
    int port = ServiceProcess.freePort();
    List<String> launch = List.of("-jar", ServiceJar.APP_API.find().toString(),
        "--server.port=" + port,
        "--server.address=127.0.0.1",
        "--app.storage-url=" + storage.baseUrl() + DataClient.API,
        "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + storage.baseUrl()
            + "/authentication/api/v1/openid/",
        "--app.data-dir=" + workDir.resolve("data"),
        // Set even when empty: the apps are registered with a test token of Storage's local platform, whatever
        // APP_DEPLOY_TOKEN the environment holds.
        "--app.deploy-token=",
        "--app.local-platform=true",
        "--spring.main.banner-mode=off",
        "--logging.level.org.springdoc=ERROR");
    return new AppApiServer(ServiceProcess.start(new ServiceProcess.Spec("App API", maxHeap, jvmOptions, launch,
        "/" + APP + "/api/v1/applicationmetadata", START_TIMEOUT), port, workDir));
  }

  ServiceProcess process() {
    return service;
  }

  String baseUrl() {
    return service.baseUrl();
  }

  @Override
  public void close() {
    service.close();
  }
}

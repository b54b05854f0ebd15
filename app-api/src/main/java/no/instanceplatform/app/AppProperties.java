package no.instanceplatform.app;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * App API settings.
 *
 * @param storageUrl the Storage API's base URL, {@code .../storage/api/v1}
 * @param dataDir the shared data directory of {@code bin/run}
 * @param appsDir the folder of hosted apps: {@code classpath:apps/} (the apps packaged in app-api) or a file system
 *     path (or {@code file:} URL)
 * @param deployToken an {@code altinn:appdeploy} token to register apps with; when unset and {@code localPlatform} is
 *     on, one is fetched per org from the local platform's test-token endpoint
 * @param localPlatform whether Storage runs the local platform (LocalTest's test tokens), as {@code bin/run} does
 * @param metadataCacheTtl how long application metadata and texts read from Storage are reused
 * @param deployRetryInterval how long to wait before trying again to register the apps while Storage does not answer
 * @param platformUrl the root of the platform's Register and Profile APIs; unset means Storage's local platform
 * @param storageConnectTimeout how long to wait for a connection to Storage
 * @param storageReadTimeout how long Storage may leave a call without a byte (its answer, or the next part of a file)
 *     before the App API answers 503 or, in the middle of a file, ends the transfer
 * @param storageMaxConnections how many connections the App API keeps to Storage (and to the platform) at most; a
 *     call that finds none free waits up to the connect timeout for one
 * @param formDataMemory how much form data all requests at once may hold in memory while it is checked before it is
 *     stored (unset: a quarter of the heap); one form is never larger than this
 * @param formDataMemoryWait how long a form waits for that memory before it is answered 503
 */
@ConfigurationProperties("app")
public record AppProperties(
    @DefaultValue("http://localhost:5101/storage/api/v1") URI storageUrl,
    @DefaultValue("./data") Path dataDir,
    @DefaultValue("classpath:apps/") String appsDir,
    String deployToken,
    @DefaultValue("true") boolean localPlatform,
    @DefaultValue("60s") Duration metadataCacheTtl,
    @DefaultValue("3s") Duration deployRetryInterval,
    URI platformUrl,
    @DefaultValue("5s") Duration storageConnectTimeout,
    @DefaultValue("30s") Duration storageReadTimeout,
    @DefaultValue("256") int storageMaxConnections,
    DataSize formDataMemory,
    @DefaultValue("20s") Duration formDataMemoryWait) {

  /** Storage's root ({@code storageUrl} without {@code /storage/api/v1}), where its actuator and local platform are. */
  public URI storageRoot() {
    String url = storageUrl.toString().replaceAll("/+$", "");
    String api = "/storage/api/v1";
    return URI.create(url.endsWith(api) ? url.substring(0, url.length() - api.length()) : url);
  }

  /** Where {@code /register/api/v1} and {@code /profile/api/v1} are. */
  public URI platformRoot() {
    return platformUrl != null ? URI.create(platformUrl.toString().replaceAll("/+$", "")) : storageRoot();
  }
}

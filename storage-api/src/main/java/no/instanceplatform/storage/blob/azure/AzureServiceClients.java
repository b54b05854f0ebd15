package no.instanceplatform.storage.blob.azure;

import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import java.time.Duration;
import no.instanceplatform.storage.blob.BlobStoreProperties;
import no.instanceplatform.web.JvmDefaults;

/** Builds the {@link BlobServiceClient} of an {@link AzureBlobStore} from {@code storage.blob.azure}. */
public final class AzureServiceClients {

  /**
   * Reactor's small queue size, which the SDK's adapter of the JDK HTTP client takes for how many of the client's
   * reads a download's body may run ahead of its reader (see {@link DownloadStream}).
   */
  public static final int READ_AHEAD_READS = 64;

  private AzureServiceClients() {}

  /**
   * Bounds a download's read-ahead to {@value #READ_AHEAD_READS} of the HTTP client's reads, 2 MiB at 32 KiB a read,
   * instead of Reactor's default 256 (8 MiB): the bytes a download through Storage holds for a client slower than
   * the store. Reactor reads {@code reactor.bufferSize.small} once, when it loads, so {@code main} calls this first.
   * In Storage Reactor serves only the Azure SDK; the setting also lowers the default prefetch of the SDK's other
   * Reactor operators, and the tests run with it too (the build sets the same).
   */
  public static void boundReadAhead() {
    JvmDefaults.setUnlessGiven("reactor.bufferSize.small", Integer.toString(READ_AHEAD_READS));
  }

  /**
   * A client of the configured account over the JDK's HTTP client, with short connect timeouts and few, brief
   * retries.
   */
  public static BlobServiceClient create(BlobStoreProperties.Azure settings) {
    HttpClient http = new JdkHttpClientBuilder(java.net.http.HttpClient.newBuilder()
        // Blob Storage speaks HTTP/1.1; this saves the h2c upgrade attempt on plain http (Azurite).
        .version(java.net.http.HttpClient.Version.HTTP_1_1))
        .connectionTimeout(settings.connectTimeout())
        .responseTimeout(settings.readTimeout())
        .readTimeout(settings.readTimeout())
        .writeTimeout(settings.readTimeout())
        .build();
    RequestRetryOptions retries = new RequestRetryOptions(RetryPolicyType.EXPONENTIAL, settings.maxTries(),
        settings.tryTimeout(), Duration.ofMillis(200), Duration.ofSeconds(2), null);
    BlobServiceClientBuilder builder = new BlobServiceClientBuilder().httpClient(http).retryOptions(retries);
    if (!settings.connectionString().isBlank()) {
      builder.connectionString(settings.connectionString());
    } else if (!settings.endpoint().isBlank()) {
      builder.endpoint(settings.endpoint());
      if (!settings.accountName().isBlank() && !settings.accountKey().isBlank()) {
        builder.credential(new StorageSharedKeyCredential(settings.accountName(), settings.accountKey()));
      } else if (!settings.endpoint().contains("?")) {
        throw new IllegalStateException("Set storage.blob.azure.account-name and account-key with "
            + "storage.blob.azure.endpoint, or a SAS token in the endpoint, or a connection string instead "
            + "(Azure AD credentials are not supported)");
      }
    } else {
      throw new IllegalStateException("Set storage.blob.azure.connection-string or storage.blob.azure.endpoint");
    }
    return builder.buildClient();
  }
}

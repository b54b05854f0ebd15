package no.instanceplatform.storage.blob.azure;

import com.azure.core.http.HttpClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import java.time.Duration;
import no.instanceplatform.storage.blob.BlobStoreProperties;

/** Builds the {@link BlobServiceClient} of an {@link AzureBlobStore} from {@code storage.blob.azure}. */
public final class AzureServiceClients {

  private AzureServiceClients() {}

  /**
   * A client of the configured account over {@link BlockingHttpClient}, with short connect timeouts and few, brief
   * retries.
   */
  public static BlobServiceClient create(BlobStoreProperties.Azure settings) {
    HttpClient http = BlockingHttpClient.create(settings.connectTimeout(), settings.readTimeout(),
        settings.tryTimeout(), settings.maxConnections());
    // No try timeout of the SDK's: the transport bounds each attempt itself (see BlockingHttpClient).
    RequestRetryOptions retries = new RequestRetryOptions(RetryPolicyType.EXPONENTIAL, settings.maxTries(),
        (Duration) null, Duration.ofMillis(200), Duration.ofSeconds(2), null);
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

package no.instanceplatform.storage.blob;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the files of data elements live: Azure Blob Storage when {@code azure} names an account, otherwise files
 * under {@code storage.data-dir}/blobs.
 *
 * @param azure the Azure Blob Storage account, if any
 */
@ConfigurationProperties("storage.blob")
public record BlobStoreProperties(@DefaultValue Azure azure) {

  /**
   * An Azure Blob Storage account (or Azurite), named by a connection string, or by an endpoint with either a
   * shared key (account name and key) or a SAS token in the endpoint's query. Azure AD credentials (managed
   * identity, {@code DefaultAzureCredential}) are not supported: they would need {@code azure-identity}.
   *
   * @param connectionString the account's connection string; wins over the other settings
   * @param endpoint the account's blob endpoint, for example {@code https://{account}.blob.core.windows.net}
   * @param accountName the account name of the shared key, with {@code endpoint}
   * @param accountKey the shared key, with {@code endpoint}
   * @param connectTimeout how long to wait for a free connection to the store, and then for the connection
   * @param readTimeout how long to wait for the start of an answer, and then between its bytes
   * @param tryTimeout how long one attempt of a request (for example one block of 4 MiB) may go, up to the start of
   *     its answer, without a piece of its body sent: an upload sent on as the client sends it takes as long as the
   *     client does; a download's body is bounded by the read timeout alone
   * @param maxTries attempts per request, the first included; kept small so a store out of reach fails fast
   * @param maxConnections connections to the store at most; a request that finds none free waits up to the connect
   *     timeout for one
   */
  public record Azure(
      @DefaultValue("") String connectionString,
      @DefaultValue("") String endpoint,
      @DefaultValue("") String accountName,
      @DefaultValue("") String accountKey,
      @DefaultValue("5s") Duration connectTimeout,
      @DefaultValue("30s") Duration readTimeout,
      @DefaultValue("2m") Duration tryTimeout,
      @DefaultValue("3") int maxTries,
      @DefaultValue("256") int maxConnections) {

    /** Whether an account is configured; otherwise Storage keeps blobs on the file system. */
    public boolean configured() {
      return !connectionString.isBlank() || !endpoint.isBlank();
    }

    /** Without the connection string, the key and a SAS token, which are secrets. */
    @Override
    public String toString() {
      return "Azure[endpoint=" + endpoint.replaceFirst("\\?.*", "?(SAS)") + ", accountName=" + accountName + ", connectionString="
          + (connectionString.isBlank() ? "" : "(set)") + ", accountKey=" + (accountKey.isBlank() ? "" : "(set)")
          + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", tryTimeout=" + tryTimeout
          + ", maxTries=" + maxTries + ", maxConnections=" + maxConnections + "]";
    }
  }
}

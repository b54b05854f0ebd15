package no.instanceplatform.storage.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.storage.blob.BlobServiceClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.function.Supplier;
import no.instanceplatform.storage.blob.azure.AzureBlobStore;
import no.instanceplatform.storage.blob.azure.AzureServiceClients;
import no.instanceplatform.storage.common.StorageException;
import no.instanceplatform.storage.support.AzuriteExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contract on Azurite, which this class starts (skipped without Azurite, except on CI). */
class AzureBlobStoreTests extends BlobStoreContract {

  @RegisterExtension
  static final AzuriteExtension azurite = new AzuriteExtension();

  private BlobServiceClient service;

  @Override
  protected BlobStore newStore() {
    service = AzureServiceClients.create(settings(azurite.connectionString(), ""));
    return new AzureBlobStore(service);
  }

  @Override
  protected boolean aReplacementMayInterruptAReader() {
    return true; // a read that spans blocks is bound to the blob's ETag and fails with a conflict if it changes
  }

  @Test
  void eachOrgIsAContainerNamedAfterItOrEncodedWhereAzureDoesNotAllowIt() {
    store.put(org, "x", bytes("x"), 10);
    store.put("tt", "x", bytes("x"), 10);
    store.put("bø", "x", bytes("x"), 10);

    assertThat(service.getBlobContainerClient(org).getBlobClient("x").exists()).isTrue();
    assertThat(service.getBlobContainerClient("org-7474").getBlobClient("x").exists()).isTrue();
    assertThat(service.getBlobContainerClient("org-62c3b8").getBlobClient("x").exists()).isTrue();
  }

  @Test
  void aContainerDeletedBehindTheStoresBackIsCreatedAgainByTheNextPut() {
    store.put(org, "x", bytes("1"), 10);
    // Azure takes a while to delete a container (a put meanwhile is unavailable); Azurite does it at once.
    service.getBlobContainerClient(org).delete();

    assertThat(store.get(org, "x")).isEmpty();
    store.put(org, "x", bytes("2"), 10);

    assertThat(text(store.get(org, "x").orElseThrow())).isEqualTo("2");
  }

  @Test
  void anAccountWithTheEndpointAndSharedKeyWorksLikeTheConnectionString() {
    AzureBlobStore byKey = new AzureBlobStore(AzureServiceClients.create(new BlobStoreProperties.Azure("",
        azurite.blobEndpoint(), AzuriteExtension.ACCOUNT_NAME, AzuriteExtension.ACCOUNT_KEY, Duration.ofSeconds(5),
        Duration.ofSeconds(30), Duration.ofMinutes(2), 3)));

    byKey.put(org, "by/key", bytes("k"), 10);

    assertThat(text(store.get(org, "by/key").orElseThrow())).isEqualTo("k");
    byKey.ping();
  }

  @Test
  void aStoreOutOfReachFailsFastAsUnavailable() throws IOException {
    AzureBlobStore unreachable = new AzureBlobStore(AzureServiceClients.create(
        settings(azurite.connectionString().replace(":" + azurite.port() + "/", ":" + closedPort() + "/"), "")));

    assertUnavailableWithinSeconds(() -> unreachable.put(org, "x", bytes("x"), 10));
    assertUnavailableWithinSeconds(() -> unreachable.get(org, "x"));
    assertUnavailableWithinSeconds(() -> unreachable.delete(org, "x"));
    assertUnavailableWithinSeconds(() -> unreachable.deleteByPrefix(org, "x"));
    assertUnavailableWithinSeconds(() -> {
      unreachable.ping();
      return null;
    });
  }

  private static void assertUnavailableWithinSeconds(Supplier<?> call) {
    long start = System.nanoTime();
    assertThatThrownBy(call::get).isInstanceOfSatisfying(StorageException.class,
        e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.UNAVAILABLE));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  private static BlobStoreProperties.Azure settings(String connectionString, String endpoint) {
    return new BlobStoreProperties.Azure(connectionString, endpoint, "", "", Duration.ofSeconds(5),
        Duration.ofSeconds(30), Duration.ofMinutes(2), 3);
  }

  /** A port nothing listens on: one the system just handed out and took back. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}

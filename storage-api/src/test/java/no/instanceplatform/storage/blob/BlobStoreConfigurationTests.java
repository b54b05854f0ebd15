package no.instanceplatform.storage.blob;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import no.instanceplatform.storage.StorageProperties;
import no.instanceplatform.storage.blob.azure.AzureBlobStore;
import no.instanceplatform.storage.blob.filesystem.FileSystemBlobStore;
import no.instanceplatform.storage.support.AzuriteExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class BlobStoreConfigurationTests {

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withUserConfiguration(Properties.class, BlobStoreConfiguration.class, BlobStoreHealthIndicator.class);

  @EnableConfigurationProperties({BlobStoreProperties.class, StorageProperties.class})
  static class Properties {}

  @Test
  void withoutAnAccountBlobsAreFilesUnderTheDataDirectoryAndHealthy(@TempDir Path dataDir) {
    context.withPropertyValues("storage.data-dir=" + dataDir).run(context -> {
      BlobStore store = context.getBean(BlobStore.class);
      assertThat(store).isInstanceOf(FileSystemBlobStore.class);
      assertThat(((FileSystemBlobStore) store).root()).isEqualTo(dataDir.resolve("blobs").toAbsolutePath());

      Health health = context.getBean("blobStoreHealthIndicator", HealthIndicator.class).health();
      assertThat(health.getStatus()).isEqualTo(Status.UP);
      assertThat(health.getDetails()).containsEntry("kind", "filesystem")
          .containsEntry("root", dataDir.resolve("blobs").toAbsolutePath().toString());
    });
  }

  @Test
  void aConnectionStringChoosesAzureWhoseHealthIsDownWhenOutOfReachAndNamesNoSecret() throws IOException {
    String connectionString = "DefaultEndpointsProtocol=http;AccountName=" + AzuriteExtension.ACCOUNT_NAME
        + ";AccountKey=" + AzuriteExtension.ACCOUNT_KEY + ";BlobEndpoint=http://127.0.0.1:" + closedPort() + "/"
        + AzuriteExtension.ACCOUNT_NAME + ";";
    context.withPropertyValues("storage.blob.azure.connection-string=" + connectionString).run(context -> {
      assertThat(context.getBean(BlobStore.class)).isInstanceOf(AzureBlobStore.class);

      long start = System.nanoTime();
      Health health = context.getBean("blobStoreHealthIndicator", HealthIndicator.class).health();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.getDetails()).containsEntry("kind", "azure")
          .containsEntry("account", AzuriteExtension.ACCOUNT_NAME);
      assertThat(health.toString()).doesNotContain(AzuriteExtension.ACCOUNT_KEY).doesNotContain("AccountKey");
      assertThat(context.getBean(BlobStoreProperties.class).toString())
          .doesNotContain(AzuriteExtension.ACCOUNT_KEY).contains("connectionString=(set)");
    });
  }

  @Test
  void anEndpointWithoutACredentialIsRefusedAtStartUp() {
    context.withPropertyValues("storage.blob.azure.endpoint=https://example.blob.core.windows.net").run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("storage.blob.azure.account-name");
    });
  }

  @Test
  void theSettingsNeverPrintTheKeyOrASasToken() {
    BlobStoreProperties.Azure azure = new BlobStoreProperties.Azure("", "https://a.blob.core.windows.net?sig=secret",
        "a", "the-key", Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2), 3, 256);

    assertThat(azure.toString()).doesNotContain("the-key").doesNotContain("secret").contains("accountKey=(set)");
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}

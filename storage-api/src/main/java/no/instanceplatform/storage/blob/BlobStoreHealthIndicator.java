package no.instanceplatform.storage.blob;

import no.instanceplatform.storage.blob.azure.AzureBlobStore;
import no.instanceplatform.storage.blob.filesystem.FileSystemBlobStore;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Reports whether blobs can be stored, and where (the kind of store; never a key or connection string): Azure
 * answers a listing of one container; the file system root is a writable folder.
 */
@Component("blobStoreHealthIndicator")
class BlobStoreHealthIndicator extends AbstractHealthIndicator {

  private final BlobStore store;

  BlobStoreHealthIndicator(BlobStore store) {
    super("Blob store health check failed");
    this.store = store;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    switch (store) {
      case AzureBlobStore azure -> {
        builder.withDetail("kind", "azure").withDetail("account", azure.accountName());
        azure.ping();
        builder.up();
      }
      case FileSystemBlobStore files -> {
        builder.withDetail("kind", "filesystem").withDetail("root", files.root().toString());
        if (files.writable()) {
          builder.up();
        } else {
          builder.down().withDetail("reason", "the root is not a writable folder");
        }
      }
      default -> builder.unknown().withDetail("kind", store.getClass().getSimpleName());
    }
  }
}

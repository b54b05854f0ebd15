package no.instanceplatform.storage.blob;

import no.instanceplatform.storage.StorageProperties;
import no.instanceplatform.storage.blob.azure.AzureBlobStore;
import no.instanceplatform.storage.blob.azure.AzureServiceClients;
import no.instanceplatform.storage.blob.filesystem.FileSystemBlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the blob store: Azure Blob Storage when {@code storage.blob.azure} names an account (a connection string
 * or an endpoint), otherwise files under {@code storage.data-dir}/blobs, so that {@code bin/run} and the tests need
 * nothing installed.
 */
@Configuration(proxyBeanMethods = false)
class BlobStoreConfiguration {

  private static final Logger log = LoggerFactory.getLogger(BlobStoreConfiguration.class);

  @Bean
  BlobStore blobStore(BlobStoreProperties blob, StorageProperties storage) {
    if (blob.azure().configured()) {
      AzureBlobStore azure = new AzureBlobStore(AzureServiceClients.create(blob.azure()));
      log.info("Blob store: Azure Blob Storage, account {}", azure.accountName());
      return azure;
    }
    FileSystemBlobStore files = new FileSystemBlobStore(storage.dataDir().resolve("blobs"));
    log.info("Blob store: files under {}", files.root());
    return files;
  }
}

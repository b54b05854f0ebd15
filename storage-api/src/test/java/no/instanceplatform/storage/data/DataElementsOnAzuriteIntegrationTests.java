package no.instanceplatform.storage.data;

import no.instanceplatform.storage.support.AzuriteExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Every data element test again, with the files in Azure Blob Storage (Azurite) instead of on the file system. */
class DataElementsOnAzuriteIntegrationTests extends DataElementsIntegrationTests {

  @RegisterExtension
  static final AzuriteExtension AZURITE = new AzuriteExtension();

  @DynamicPropertySource
  static void blobsInAzurite(DynamicPropertyRegistry properties) {
    properties.add("storage.blob.azure.connection-string", AZURITE::connectionString);
  }
}

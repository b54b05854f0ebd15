/**
 * The files of data elements: the {@link no.instanceplatform.storage.blob.BlobStore} port, the rules for names
 * ({@link no.instanceplatform.storage.blob.BlobNames}), and the choice between the adapters in {@code .azure}
 * (Azure Blob Storage, or Azurite) and {@code .filesystem} (the embedded default under the data directory).
 */
package no.instanceplatform.storage.blob;

package no.instanceplatform.storage.blob;

import no.instanceplatform.storage.common.StorageException;

/** A blob's content went beyond its limit while it was written; nothing of it was kept. */
public class BlobTooLargeException extends StorageException {

  public BlobTooLargeException(long maxBytes) {
    super(Kind.TOO_LARGE, "The content is larger than the " + maxBytes + " bytes allowed.");
  }
}

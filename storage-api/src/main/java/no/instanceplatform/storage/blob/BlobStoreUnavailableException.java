package no.instanceplatform.storage.blob;

import no.instanceplatform.storage.common.StorageException;

/**
 * A blob store did not do what it was asked (out of reach, timed out, a disk that failed): the caller may try again
 * shortly. The message is fit for a client; the cause, for the log, stays on the server.
 */
public class BlobStoreUnavailableException extends StorageException {

  public BlobStoreUnavailableException(Throwable cause) {
    super(Kind.UNAVAILABLE, "The blob store is unavailable. Try again shortly.");
    initCause(cause);
  }
}

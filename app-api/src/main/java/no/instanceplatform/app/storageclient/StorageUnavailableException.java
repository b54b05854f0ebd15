package no.instanceplatform.app.storageclient;

/** Storage could not be reached (refused, timed out, or answered 503): the caller may try again shortly. */
public class StorageUnavailableException extends RuntimeException {

  public StorageUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}

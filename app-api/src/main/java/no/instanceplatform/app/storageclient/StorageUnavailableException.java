package no.instanceplatform.app.storageclient;

import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;

/** Storage could not be reached (refused, timed out, or answered 503): the caller may try again shortly. */
public class StorageUnavailableException extends RuntimeException {

  public StorageUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Whether the request surely never reached Storage (no connection could be made), so that it changed nothing;
   * otherwise, as after a connection that broke or an answer that did not come, it may have.
   */
  public boolean neverSent() {
    for (Throwable cause = getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException) {
        return true;
      }
    }
    return false;
  }
}

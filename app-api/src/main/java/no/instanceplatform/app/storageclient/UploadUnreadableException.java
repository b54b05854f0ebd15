package no.instanceplatform.app.storageclient;

/**
 * The caller's upload could not be read to its end while it was sent on to Storage: the caller went away, or stopped
 * short of its Content-Length. Its failure, not Storage's; the call to Storage was abandoned with it.
 */
public class UploadUnreadableException extends RuntimeException {

  UploadUnreadableException(Throwable cause) {
    super("The request body could not be read to its end.", cause);
  }
}

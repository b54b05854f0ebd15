package no.instanceplatform.app.storageclient;

/**
 * The caller's upload could not be read to its end, while it was sent on to Storage or read whole as form data: the
 * caller went away, or stopped short of its Content-Length. Its failure, not Storage's; a call to Storage was
 * abandoned with it.
 */
public class UploadUnreadableException extends RuntimeException {

  public UploadUnreadableException(Throwable cause) {
    super("The request body could not be read to its end.", cause);
  }
}

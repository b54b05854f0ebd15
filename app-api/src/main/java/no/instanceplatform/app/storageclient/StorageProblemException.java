package no.instanceplatform.app.storageclient;

/** Storage refused a request: its status and detail, which the App API answers with unchanged. */
public class StorageProblemException extends RuntimeException {

  private final int status;
  private final String detail;

  public StorageProblemException(int status, String detail) {
    super("Storage answered " + status + ": " + detail);
    this.status = status;
    this.detail = detail;
  }

  public int status() {
    return status;
  }

  public String detail() {
    return detail;
  }
}

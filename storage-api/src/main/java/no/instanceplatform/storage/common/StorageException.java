package no.instanceplatform.storage.common;

/**
 * A request Storage refuses, with a message that tells the caller what was wrong. The kind decides the
 * answer; the web layer maps it, so services stay free of HTTP.
 */
public class StorageException extends RuntimeException {

  /** Why a request was refused. */
  public enum Kind {
    INVALID_INPUT,
    NOT_FOUND,
    FORBIDDEN,
    CONFLICT,
    PRECONDITION_FAILED,
    TOO_LARGE,
    UNSUPPORTED_CONTENT_TYPE,
    /** A service Storage depends on does not answer; the caller may try again shortly. */
    UNAVAILABLE
  }

  private final Kind kind;

  public StorageException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  public static StorageException invalid(String message) {
    return new StorageException(Kind.INVALID_INPUT, message);
  }

  public static StorageException notFound(String message) {
    return new StorageException(Kind.NOT_FOUND, message);
  }

  public static StorageException forbidden(String message) {
    return new StorageException(Kind.FORBIDDEN, message);
  }

  public static StorageException conflict(String message) {
    return new StorageException(Kind.CONFLICT, message);
  }

  public static StorageException unavailable(String message) {
    return new StorageException(Kind.UNAVAILABLE, message);
  }
}

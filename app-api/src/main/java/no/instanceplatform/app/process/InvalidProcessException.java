package no.instanceplatform.app.process;

/** A process definition that cannot be read or cannot be run, with the problem and the element it concerns. */
public class InvalidProcessException extends RuntimeException {

  public InvalidProcessException(String message) {
    super(message);
  }

  public InvalidProcessException(String message, Throwable cause) {
    super(message, cause);
  }
}
